import type { RiskCategory, RiskLevel } from '../levels.js';
import type { ImminenceKind } from '../lexicon/types.js';

/** What the screener says about one message: the answer the dialogue acts on. */
export interface ScreenResult {
  readonly level: RiskLevel;
  /** The category of the statement that set the level; null when the level is none. */
  readonly category: RiskCategory | null;
  /** Human-readable: which rules matched, what changed their level, and why. */
  readonly reasons: readonly string[];
  /** Ids of the rules that matched (whatever their final level), for records and tests. */
  readonly rules: readonly string[];
}

/** One message's screen before the recent turns are weighed. */
export interface MessageScreen extends ScreenResult {
  /** Kinds of imminence cue (time, means, plan) found anywhere in the message. */
  readonly imminence: readonly ImminenceKind[];
}
