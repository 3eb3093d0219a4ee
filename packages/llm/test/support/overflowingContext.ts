// Shared by the tests whose history overflows a small context within a few turns.

/** A context small enough to overflow in a few turns (each about 65 tokens on the tiny model). */
export const smallContextSize = 384;

/** Short, repeatable replies. */
export const shortSampling = { maxTokens: 8, seed: 3, temperature: 0 } as const;

/** A chatty, stopword-heavy utterance, as people speak; `i` keeps turns apart. */
export const chattyUtterance = (i: number): string =>
  `Well, I think that it was the ${i}th time that I had to go there and it was not easy for me.`;
