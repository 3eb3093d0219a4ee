/** Runs the wake_word node alone: `node packages/wake-word/dist/main.js [--ros-args --params-file FILE]`. */
import { runNodeMain } from '@hearth/graph';
import { NodeNames } from '@hearth/interfaces';
import { WakeWordNode } from './WakeWordNode.js';

runNodeMain({ name: NodeNames.wakeWord, create: (node) => new WakeWordNode(node) }).catch(
  (error: unknown) => {
    console.error(`wake_word: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
