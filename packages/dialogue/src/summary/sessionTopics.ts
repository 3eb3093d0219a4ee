/**
 * Coarse labels for what a person talked about, for the session summary a caregiver sees at
 * consent `summaries` (no transcripts). Labels from a fixed list, found by keyword matching: a
 * caregiver learns "sleep, family", never the words. Kept here rather than imported from the llm's
 * fallback detector, whose topics serve reply choice (greeting, thanks...) and whose package loads
 * node-llama-cpp; the emotional patterns follow that detector's.
 */
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

const patterns: Readonly<Record<SessionTopic, RegExp>> = {
  grief: new RegExp(
    `\\b(died|dead|death|dying|passed (away|on)|funeral|grie(f|ve|ving)|mourn\\w*|widow\\w*|bereave\\w*|lost my (${relatives}|friend|dog|cat|pet)|miss(ing)? my late)\\b`,
  ),
  loneliness:
    /\b(lonely|loneliness|alone|isolated|no ?one to talk|nobody|no friends|left out|miss(ing)? (people|everyone|company))\b/,
  health:
    /\b(pain|ache\w*|hurts?|ill|illness|sick|doctor|hospital|nurse|surgery|operation|medicines?|medication|pills?|diagnos\w*|cancer|dementia|heart|diabet\w*|arthritis|dizzy|breath\w*)\b/,
  sleep: /\b(sleep\w*|slept|insomnia|awake|tired|exhausted|nightmares?|restless|can'?t rest)\b/,
  family: new RegExp(`\\b(${relatives}|grandkids?|relatives?|in-laws?|nephew|niece)\\b`),
  work: /\b((at|to|from|my|off|after|of) work|workplace|job|jobs|boss|colleagues?|office|career|retire\w*|shift|fired|unemployed|laid off)\b/,
  money: /\b(money|bills?|rent|debts?|pension|afford|savings|mortgage)\b/,
  anxiety:
    /\b(anxious|anxiety|worr(y|ied|ying|ies)|nervous|panic\w*|scared|afraid|fear\w*|frightened|uneasy)\b/,
  sadness:
    /\b(sad|sadness|unhappy|depress\w*|cry|crying|cried|tears|miserable|hopeless|empty|heartbroken|upset|(feel|feeling|felt) (down|low|blue))\b/,
  anger: /\b(angry|anger|mad|furious|annoy\w*|frustrat\w*|irritat\w*|fed up)\b/,
  stress: /\b(stress\w*|overwhelm\w*|too much|pressure|burn(ed|t)? out|swamped)\b/,
};

/** The topics the text touches, in SESSION_TOPICS order; [] when none. */
export function sessionTopicsOf(text: string): SessionTopic[] {
  const lower = text.toLowerCase().replace(/[’‘]/g, "'");
  return SESSION_TOPICS.filter((topic) => patterns[topic].test(lower));
}
