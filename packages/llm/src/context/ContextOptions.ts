/** How a session's history is fitted into the context when it overflows. */
export const ContextStrategyNames = ['window', 'stopwords', 'summary'] as const;
export type ContextStrategyName = (typeof ContextStrategyNames)[number];

export interface ContextOptions {
  /**
   * `window` drops the oldest turns whole; `stopwords` first strips stopwords from all but the
   * newest turns (the thesis' method), then drops the oldest; `summary` drops the oldest and
   * replaces them with a summary the model writes in the background.
   */
  readonly strategy: ContextStrategyName;
  /** The newest turns that keep their stopwords (stopwords strategy). */
  readonly keepRecentTurns: number;
  /**
   * The share of the turn's token budget freed at once when the history overflows. Freeing a
   * batch rather than one turn at a time keeps the cached prefix for the next several turns.
   */
  readonly evictFraction: number;
}

export const defaultContextOptions: ContextOptions = {
  strategy: 'window',
  keepRecentTurns: 2,
  evictFraction: 0.25,
};

export function isContextStrategyName(name: string): name is ContextStrategyName {
  return (ContextStrategyNames as readonly string[]).includes(name);
}
