/**
 * What the person is talking about, found by keyword matching: enough to pick a fitting reply
 * from the fallback bank when no model is loaded. Ordered by priority: when a message matches
 * several topics, the first wins, so "hi, I've been so lonely" is answered as loneliness.
 */
export const Topics = [
  'grief',
  'loneliness',
  'anxiety',
  'sadness',
  'anger',
  'sleep',
  'stress',
  'goodbye',
  'thanks',
  'greeting',
  'general',
] as const;

export type Topic = (typeof Topics)[number];

const family =
  '(wife|husband|partner|mum|mom|mother|dad|father|son|daughter|brother|sister|friend|grandson|granddaughter|dog|cat|pet)';

const patterns: Readonly<Record<Exclude<Topic, 'general'>, RegExp>> = {
  grief: new RegExp(
    `\\b(died|dead|death|dying|passed (away|on)|funeral|grie(f|ve|ving)|mourn\\w*|widow\\w*|bereave\\w*|lost my ${family}|miss(ing)? my (late )?${family})\\b`,
  ),
  loneliness:
    /\b(lonely|loneliness|alone|isolated|no ?one|nobody|no friends|left out|miss(ing)? (people|everyone|my family|company))\b/,
  anxiety:
    /\b(anxious|anxiety|worr(y|ied|ying|ies)|nervous|panic\w*|scared|afraid|fear\w*|frightened|uneasy)\b/,
  sadness:
    /\b(sad|sadness|unhappy|depress\w*|cry|crying|cried|tears|miserable|hopeless|empty|heartbroken|upset|(feel|feeling|felt) (down|low|blue))\b/,
  anger: /\b(angry|anger|mad|furious|annoy\w*|frustrat\w*|irritat\w*|fed up)\b/,
  sleep: /\b(sleep\w*|insomnia|awake|tired|exhausted|nightmares?|restless|can'?t rest)\b/,
  stress: /\b(stress\w*|overwhelm\w*|too much|pressure|burn(ed|t)? out|swamped)\b/,
  goodbye: /\b(bye|goodbye|good night|see you|talk (to you )?later|got to go|gotta go|farewell)\b/,
  thanks: /\b(thanks?|thank you|appreciate\w*|grateful)\b/,
  greeting: /\b(hello|hi|hey|good (morning|afternoon|evening)|how are you)\b/,
};

/** The topics the text touches, highest priority first; ['general'] when none. */
export function detectTopics(text: string): Topic[] {
  const lower = text.toLowerCase().replace(/[’‘]/g, "'");
  const found = Topics.filter((topic) => topic !== 'general' && patterns[topic].test(lower));
  return found.length > 0 ? found : ['general'];
}
