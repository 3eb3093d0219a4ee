/**
 * What the person is talking about, found by keyword matching. One pattern table serves two
 * readers: the fallback responder, which picks a fitting reply when no model is loaded
 * (`detectTopics`), and the dialogue's session summary, which tells a caregiver "sleep, family"
 * and never the words (`sessionTopicsOf`). Light on purpose: reached through the
 * `@hearth/llm/topics` export, it loads nothing else of this package (no node-llama-cpp).
 */

/**
 * The fallback responder's topics, by priority: when a message matches several, the first wins,
 * so "hi, I've been so lonely" is answered as loneliness.
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

/** The labels a session summary may carry, in the order it lists them. */
export const SESSION_TOPICS = [
  'grief',
  'loneliness',
  'health',
  'sleep',
  'family',
  'work',
  'money',
  'anxiety',
  'sadness',
  'anger',
  'stress',
] as const;

export type SessionTopic = (typeof SESSION_TOPICS)[number];

const relatives =
  '(wife|husband|partner|mum|mom|mother|dad|father|son|daughter|brother|sister|grandson|granddaughter|grandchild\\w*|kids?|children|family)';
const loved = `(${relatives}|friend|dog|cat|pet)`;

const patterns: Readonly<Record<Exclude<Topic, 'general'> | SessionTopic, RegExp>> = {
  grief: new RegExp(
    `\\b(died|dead|death|dying|passed (away|on)|funeral|grie(f|ve|ving)|mourn\\w*|widow\\w*|bereave\\w*|lost my ${loved}|miss(ing)? my (late )?${loved})\\b`,
  ),
  loneliness:
    /\b(lonely|loneliness|alone|isolated|no ?one|nobody|no friends|left out|miss(ing)? (people|everyone|my family|company))\b/,
  health:
    /\b(pain|ache\w*|hurts?|ill|illness|sick|doctor|hospital|nurse|surgery|operation|medicines?|medication|pills?|diagnos\w*|cancer|dementia|heart|diabet\w*|arthritis|dizzy|breath\w*)\b/,
  family: new RegExp(`\\b(${relatives}|grandkids?|relatives?|in-laws?|nephew|niece)\\b`),
  work: /\b((at|to|from|my|off|after|of) work|workplace|job|jobs|boss|colleagues?|office|career|retire\w*|shift|fired|unemployed|laid off)\b/,
  money: /\b(money|bills?|rent|debts?|pension|afford|savings|mortgage)\b/,
  anxiety:
    /\b(anxious|anxiety|worr(y|ied|ying|ies)|nervous|panic\w*|scared|afraid|fear\w*|frightened|uneasy)\b/,
  sadness:
    /\b(sad|sadness|unhappy|depress\w*|cry|crying|cried|tears|miserable|hopeless|empty|heartbroken|upset|(feel|feeling|felt) (down|low|blue))\b/,
  anger: /\b(angry|anger|mad|furious|annoy\w*|frustrat\w*|irritat\w*|fed up)\b/,
  sleep: /\b(sleep\w*|slept|insomnia|awake|tired|exhausted|nightmares?|restless|can'?t rest)\b/,
  stress: /\b(stress\w*|overwhelm\w*|too much|pressure|burn(ed|t)? out|swamped)\b/,
  goodbye: /\b(bye|goodbye|good night|see you|talk (to you )?later|got to go|gotta go|farewell)\b/,
  thanks: /\b(thanks?|thank you|appreciate\w*|grateful)\b/,
  greeting: /\b(hello|hi|hey|good (morning|afternoon|evening)|how are you)\b/,
};

function normalize(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'");
}

/** The fallback topics the text touches, highest priority first; ['general'] when none. */
export function detectTopics(text: string): Topic[] {
  const lower = normalize(text);
  const found = Topics.filter((topic) => topic !== 'general' && patterns[topic].test(lower));
  return found.length > 0 ? found : ['general'];
}

/** The summary labels the text touches, in SESSION_TOPICS order; [] when none. */
export function sessionTopicsOf(text: string): SessionTopic[] {
  const lower = normalize(text);
  return SESSION_TOPICS.filter((topic) => patterns[topic].test(lower));
}
