import type { ChatHistoryItem } from 'node-llama-cpp';
import type { ContextStrategyName } from './ContextOptions.js';
import { stripTurn, type HistoryTurn } from './historyTurns.js';

export interface CompactionInput {
  /** The system prompt (and summary): always kept. */
  readonly head: readonly ChatHistoryItem[];
  /** Earlier turns, oldest first. */
  readonly turns: readonly HistoryTurn[];
  /** The new turn's messages (instruction, the person's words): never compacted. */
  readonly pending: readonly ChatHistoryItem[];
  /** Tokens the history may take this turn: the context size minus the reply's budget. */
  readonly budget: number;
  /** Tokens to come down to once over budget (below budget, so a batch is freed at once). */
  readonly target: number;
  /** `summary` compacts like `window`; the caller summarizes the evicted turns. */
  readonly strategy: ContextStrategyName;
  readonly keepRecentTurns: number;
  /** Tokens the history takes as the model will see it (chat template included). */
  readonly countTokens: (history: readonly ChatHistoryItem[]) => number;
}

export interface CompactionResult {
  readonly turns: readonly HistoryTurn[];
  /** Turns dropped whole, oldest first (as they were before any stripping). */
  readonly evicted: readonly HistoryTurn[];
  /** Whether anything changed; false means the cached prefix is untouched. */
  readonly compacted: boolean;
  /** Tokens of head, turns and pending after compaction. */
  readonly tokens: number;
}

/**
 * Fits a session's history into its token budget. Under budget nothing changes. Over budget it
 * compacts down to the target: the stopwords strategy first strips stopwords from every turn but
 * the newest `keepRecentTurns`; then, while still over the target, the oldest turns are dropped
 * whole. Pure apart from `countTokens`.
 */
export function compactHistory(input: CompactionInput): CompactionResult {
  const { head, pending, countTokens } = input;
  const total = (turns: readonly HistoryTurn[]): number =>
    countTokens([...head, ...turns.flat(), ...pending]);
  let turns = [...input.turns];
  let tokens = total(turns);
  if (tokens <= input.budget) return { turns, evicted: [], compacted: false, tokens };

  if (input.strategy === 'stopwords') {
    const keep = Math.max(0, input.keepRecentTurns);
    const older = turns.length - Math.min(keep, turns.length);
    turns = turns.map((turn, index) => (index < older ? stripTurn(turn) : turn));
    tokens = total(turns);
  }
  const originals = [...input.turns];
  const evicted: HistoryTurn[] = [];
  while (tokens > input.target && turns.length > 0) {
    turns.shift();
    evicted.push(originals.shift() as HistoryTurn);
    tokens = total(turns);
  }
  return { turns, evicted, compacted: true, tokens };
}
