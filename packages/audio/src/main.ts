/** Runs the audio_in node alone: `node packages/audio/dist/main.js [--ros-args --params-file FILE]`. */
import { runNodeMain } from '@hearth/graph';
import { NodeNames } from '@hearth/interfaces';
import { AudioInNode } from './node/AudioInNode.js';

runNodeMain({ name: NodeNames.audioIn, create: (node) => new AudioInNode(node) }).catch(
  (error: unknown) => {
    console.error(`audio_in: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
