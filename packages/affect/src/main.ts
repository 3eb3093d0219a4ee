/** Runs the affect node alone: `node packages/affect/dist/main.js [--ros-args --params-file FILE]`. */
import { runNodeMain } from '@hearth/graph';
import { AffectNode } from './AffectNode.js';

runNodeMain({ name: 'affect', create: (node) => new AffectNode(node) }).catch((error: unknown) => {
  console.error(`affect: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
