/**
 * Runs the dialogue node alone: `node packages/dialogue/dist/main.js [--ros-args --params-file FILE]`.
 * On a robot with ROS 2 sourced it joins the ROS graph; elsewhere the in-process transport.
 */
import { runNodeMain } from '@hearth/graph';
import { NodeNames } from '@hearth/interfaces';
import { DialogueNode } from './node/DialogueNode.js';

runNodeMain({ name: NodeNames.dialogue, create: (node) => new DialogueNode(node) }).catch(
  (error: unknown) => {
    console.error(`dialogue: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
