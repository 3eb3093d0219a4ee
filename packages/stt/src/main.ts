/** Runs the stt node alone: `node packages/stt/dist/main.js [--ros-args --params-file FILE]`. */
import { runNodeMain } from '@hearth/graph';
import { NodeNames } from '@hearth/interfaces';
import { SttNode } from './SttNode.js';

runNodeMain({ name: NodeNames.stt, create: (node) => new SttNode(node) }).catch(
  (error: unknown) => {
    console.error(`stt: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
