import type { SupportStrategy } from '../profile/GestureProfile.js';

/**
 * The reply's support strategy guessed from one sentence, for when the llm's own strategy tag is
 * not on the graph: the dialogue publishes it only in the TurnRecord at the turn's end, too late
 * for the sentences it describes. Phrase patterns typical of ESConv's strategies, checked in
 * order (a suggestion phrased as a question is a suggestion); undefined when none matches.
 */
const RULES: readonly (readonly [SupportStrategy, RegExp])[] = [
  [
    'Providing Suggestions',
    /\b(maybe (you|we) could|you (could|might|may want to|can try)|(can|could|might|may) (really )?help|have you (tried|thought about|considered)|try (to|taking|talking|writing)|how about|why not)\b/,
  ],
  [
    'Reflection of feelings',
    /\b(you (feel|felt|are feeling|'re feeling|seem|sound|must (feel|be))|(it|that) (sounds|must be|must feel)|sounds (like|really|so)|i can (hear|see|imagine) (that|how))\b/,
  ],
  ['Question', /\?\s*$/],
  [
    'Affirmation and Reassurance',
    /\b((it|that)('s| is) (okay|ok|alright|normal|understandable|natural)|you('re| are) not alone|you did (well|the right thing|your best)|be proud|you('re| are) (strong|brave|doing well)|it will (be|get) (okay|better))\b/,
  ],
  [
    'Restatement or Paraphrasing',
    /\b(so you('re| are)|what you('re| are) saying|in other words|you mentioned|you said)\b/,
  ],
  [
    'Self-disclosure',
    /\b(i (have|'ve) (felt|been|had)|i (also|too) (feel|felt|had)|when i was|me too)\b/,
  ],
  ['Information', /\b(research|studies|many people|it is common|it's common|experts|doctors)\b/],
];

export function inferStrategy(sentence: string): SupportStrategy | undefined {
  const text = sentence.toLowerCase().replace(/[’‘]/g, "'").trim();
  return RULES.find(([, pattern]) => pattern.test(text))?.[0];
}
