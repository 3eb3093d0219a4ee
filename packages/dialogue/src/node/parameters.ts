import type { GraphNode } from '@hearth/graph';
import type { DialogueConfig } from '../machine/types.js';

/** The dialogue node's ROS 2 parameters (names as in the robot's parameters file). */
export const DialogueParameters = {
  followUpWindowMs: 'follow_up_window_ms',
  noSpeechTimeoutMs: 'no_speech_timeout_ms',
  bargeInEnabled: 'barge_in_enabled',
} as const;

const MAX_WINDOW_MS = 10 * 60 * 1000;

/** Declares the parameters and returns the machine's config from their values. */
export function declareDialogueParameters(node: GraphNode): Partial<DialogueConfig> {
  node.declareParameter(DialogueParameters.followUpWindowMs, 8000, {
    kind: 'integer',
    description:
      'How long after the robot has spoken the person may answer without the wake word (ms).',
    range: { min: 0, max: MAX_WINDOW_MS },
  });
  node.declareParameter(DialogueParameters.noSpeechTimeoutMs, 10000, {
    kind: 'integer',
    description: 'How long listening waits for speech before going back to sleep (ms).',
    range: { min: 100, max: MAX_WINDOW_MS },
  });
  node.declareParameter(DialogueParameters.bargeInEnabled, true, {
    kind: 'bool',
    description: 'Whether the wake word while thinking or speaking interrupts the robot.',
  });
  return readDialogueConfig(node);
}

/** The machine's config from the node's current parameter values. */
export function readDialogueConfig(node: GraphNode): Partial<DialogueConfig> {
  return {
    followUpWindowMs: Number(node.getParameter(DialogueParameters.followUpWindowMs)),
    noSpeechTimeoutMs: Number(node.getParameter(DialogueParameters.noSpeechTimeoutMs)),
    bargeInEnabled: node.getParameter(DialogueParameters.bargeInEnabled) === true,
  };
}
