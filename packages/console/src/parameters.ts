/**
 * The console node's ROS 2 parameters. Read at use time (not cached), so `ros2 param set`
 * retunes a running console.
 */
import type { GraphNode } from '@hearth/graph';

export const ConsoleParameters = {
  maxTextLength: 'max_text_length',
  wakeTimeoutMs: 'wake_timeout_ms',
  language: 'language',
  historySize: 'history_size',
  transitionHistory: 'transition_history',
} as const;

export const consoleParameterDefaults = {
  [ConsoleParameters.maxTextLength]: 1000,
  [ConsoleParameters.wakeTimeoutMs]: 3000,
  [ConsoleParameters.language]: 'en-US',
  [ConsoleParameters.historySize]: 50,
  [ConsoleParameters.transitionHistory]: 30,
} as const;

export function declareConsoleParameters(node: GraphNode): void {
  node.declareParameter(ConsoleParameters.maxTextLength, consoleParameterDefaults.max_text_length, {
    description: 'Longest message, in characters, a person may type into the console.',
    kind: 'integer',
    range: { min: 1, max: 100000 },
  });
  node.declareParameter(ConsoleParameters.wakeTimeoutMs, consoleParameterDefaults.wake_timeout_ms, {
    description: 'How long to wait for the wake service before sending typed text anyway.',
    kind: 'integer',
    range: { min: 1, max: 600000 },
  });
  node.declareParameter(ConsoleParameters.language, consoleParameterDefaults.language, {
    description: 'BCP-47 language tag stamped on typed transcripts.',
    kind: 'string',
  });
  node.declareParameter(ConsoleParameters.historySize, consoleParameterDefaults.history_size, {
    description: 'How many recent turns a newly opened page is shown.',
    kind: 'integer',
    range: { min: 0, max: 10000 },
  });
  node.declareParameter(
    ConsoleParameters.transitionHistory,
    consoleParameterDefaults.transition_history,
    {
      description: "How many of the dialogue machine's recent state changes the live view lists.",
      kind: 'integer',
      range: { min: 0, max: 1000 },
    },
  );
}

export function numberParameter(node: GraphNode, name: string, fallback: number): number {
  const value = node.getParameter(name);
  return typeof value === 'number' ? value : fallback;
}

export function stringParameter(node: GraphNode, name: string, fallback: string): string {
  const value = node.getParameter(name);
  return typeof value === 'string' ? value : fallback;
}
