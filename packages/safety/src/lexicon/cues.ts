/**
 * Cues that change how a risk match is read. The screener (screen/readMatch.ts) applies them:
 * - negation in the few words before a match, after its subject ("i would never kill myself")
 *   → none, unless a hedge keeps it ("i can not stop thinking about killing myself");
 * - remote past in the clause ("years ago", "used to") → two levels lower, never below low,
 *   unless the clause also speaks of now ("lately", "again");
 * - fiction, songs and news framing in the clause → none;
 * - a joke in the message ("lol", "just kidding") → three levels lower; one level lower and never
 *   below moderate for the speaker's own suicidal or self-harm statement; none at all when there
 *   is a plan, means or time or the speaker says "seriously" (gallows humour can hide risk);
 * - a question for information ("what should i do if...") → three levels lower;
 * - imminence (time, means, plan) anywhere in the message → one level higher per kind, for
 *   statements about the speaker at moderate or above; a time that dates a call or visit
 *   ("mum rang today") is not one.
 * Text is normalized (see screen/normalize.ts).
 */
import type { CueRule, ImminenceCue } from './types.js';

export const negationCues: readonly CueRule[] = [
  {
    id: 'negation.not',
    pattern:
      /\b(?:not|never|no longer|nothing|nobody|no one|neither|nor|no way|no intention|no plans?|no desire|no thoughts? of|none)\b/,
  },
];

/** Words that look like a negation but keep the risk ("not sure", "can not stop"). */
export const hedgeCues: readonly CueRule[] = [
  {
    id: 'hedge.unsure',
    pattern:
      /\b(?:not sure|not certain|do not know (?:if|whether|why|how)|can not promise|not promise|will not promise|can not stop|could not stop|can not help|could not help|can not get|could not get|can not shake|not stop|never stop|not going to lie|never really)\b/,
  },
];

export const pastCues: readonly CueRule[] = [
  { id: 'past.used_to', pattern: /\bused to\b/ },
  {
    id: 'past.ago',
    pattern:
      /\b(?:years|decades|a long time|ages|a lifetime|many years|(?:two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|several|many|\d+) (?:years|decades)) ago\b/,
  },
  {
    id: 'past.when_young',
    pattern:
      /\bwhen (?:i|we) (?:was|were) (?:young|younger|little|small|a (?:child|kid|teenager|teen|student|girl|boy|young \w+)|kids|children|teenagers|at school|in (?:school|college|university|my (?:teens|twenties|thirties)))\b/,
  },
  {
    id: 'past.as_a',
    pattern:
      /\bas a (?:child|kid|teenager|teen|student|young (?:man|woman|girl|boy))\b|\bin my (?:teens|twenties|thirties|youth|early twenties|first marriage)\b|\bin (?:19|20)\d\d\b/,
  },
  {
    id: 'past.back_then',
    pattern:
      /\b(?:back then|back in the day|in the past|at (?:that|the) time|in those days|once upon a time|a long time ago|long ago|last (?:year|decade)|before i (?:met|got|had|found|retired))\b/,
  },
  {
    id: 'past.recovered',
    pattern:
      /\b(?:got better|recovered|i am better now|i am over it|i am past that|that is behind me|i have come a long way|i got help|in recovery for|clean for|free for)\b/,
  },
];

/** Words of the present that cancel a past cue in the same clause ("i used to, and lately again"). */
export const presentCues: readonly CueRule[] = [
  {
    id: 'present.now',
    pattern:
      /\b(?:now|again|lately|recently|these days|at the moment|right now|still|this week|today|tonight|started|anymore i)\b/,
  },
];

export const fictionCues: readonly CueRule[] = [
  {
    id: 'fiction.in_the',
    pattern:
      /\b(?:in|from) (?:the|a|that|this|my|his|her|an) (?:song|movie|film|book|novel|story|play|show|series|episode|game|video game|poem|musical|opera|lyrics|soap|cartoon|comic|documentary|sitcom|thriller|crime drama|detective story|murder mystery|news|article|podcast)\b/,
  },
  {
    id: 'fiction.the_x_says',
    pattern:
      /\b(?:song|movie|film|book|novel|story|poem|lyrics?|chorus|verse|line|character|villain|hero|heroine|narrator|singer|rapper|band|actor|actress|detective|episode|headline|article|newsreader) (?:goes|go|says|said|sings|sang|is about|was about|where|called|titled|in which|who)\b/,
  },
  {
    id: 'fiction.consuming',
    pattern:
      /\b(?:watching|watched|reading|read|writing|wrote|singing|sang|listening to|playing|played|acting in|rehearsing) (?:a|the|my|this|that|an|some)? ?(?:song|movie|film|book|novel|story|poem|game|video game|show|series|play|crime|thriller|detective|murder mystery|horror|script|scene|lyrics)\b/,
  },
  {
    id: 'fiction.character',
    pattern:
      /\b(?:the|a|my|his|her) (?:character|villain|hero|heroine|narrator|protagonist|detective)\b|\bin (?:minecraft|fortnite|call of duty|the sims|chess|cluedo)\b/,
  },
];

export const jokeCues: readonly CueRule[] = [
  {
    id: 'joke.laugh',
    pattern:
      /\b(?:lol|lmao|lmfao|rofl|haha+|hah|hehe+|heh|jk|j\/k|just kidding|only kidding|just joking|only joking|i am joking|i am kidding|kidding|joking aside|as a joke|a joke)\b|😂|🤣|😆|😜|😝|😅|🙃|😹/u,
  },
];

/** Words that say a joke is not one ("i want to kill myself haha, seriously"). */
export const seriousCues: readonly CueRule[] = [
  {
    id: 'serious.seriously',
    pattern: /\b(?:seriously|i mean it|i am serious|i am being serious)\b/,
  },
];

export const hypotheticalCues: readonly CueRule[] = [
  {
    id: 'question.what_if',
    pattern:
      /\b(?:what (?:should|do|would|can) (?:i|you|we|one|someone) do (?:if|when)|how (?:do|would|can|will) (?:i|you|we) (?:know|tell) (?:if|whether|when)|what are the (?:signs|symptoms|warning signs) of|(?:signs|symptoms|warning signs) of (?:a|an)|in case of|what to do (?:if|when|in)|first aid for|is it normal to|should i worry if|asked (?:me |us |him |her )?(?:if|whether|about)|the nurse asked|the doctor asked|if someone (?:has|is|says)|how (?:can|do) i help (?:someone|a friend|my \w+) who)\b/,
  },
];

/**
 * A time word that dates a call, visit or report, not the risk: "mum rang today, she said she
 * is tired of living". Blanked before the imminence cues are read, so "today" here neither
 * raises the speaker's level nor makes someone else's reported words an emergency.
 */
export const reportTimeCues: readonly CueRule[] = [
  {
    id: 'report_time.call',
    pattern:
      /\b(?:rang|phoned|called|texted|messaged|emailed|wrote|visited|came (?:round|over|by|to see me)|popped (?:in|round|by)|spoke to me|told me|said|saw (?:her|him|them)|was on the phone|were on the phone|had a chat) (?:me |us |to me |to us )?(?:earlier )?(?:today|tonight|this (?:morning|afternoon|evening|week|weekend))\b|\b(?:today|tonight|this (?:morning|afternoon|evening|week|weekend)) (?:she|he|they|my \w+|mum|dad|mom) (?:rang|phoned|called|texted|visited|came|popped|told|said|wrote)\b/,
  },
];

export const imminenceCues: readonly ImminenceCue[] = [
  {
    id: 'imminence.time',
    kind: 'time',
    pattern:
      /\b(?:tonight|today|right now|this (?:evening|afternoon|morning|weekend|week)|tomorrow|in (?:an|one|a few|two|a couple of) (?:hour|hours|minutes)|when (?:everyone|everybody|they|you) (?:is|are|has|have) (?:asleep|gone|out)|after (?:everyone|everybody|they|you) (?:leave|leaves|go|goes|has gone|have gone)|very soon|before (?:morning|the morning|anyone wakes))\b/,
  },
  {
    id: 'imminence.means',
    kind: 'means',
    pattern:
      /\b(?:have|got|bought|found|saved|holding|kept|collected|counted|ordered) (?:a |the |my |some |enough |all my |all the |a bottle of |a box of )?(?:pills|tablets|paracetamol|painkillers|sleeping pills|antidepressants|morphine|codeine|diazepam|opioids|rope|noose|gun|rifle|knife|razor|blades?|poison|bleach|charcoal|insulin)\b|\b(?:pills|tablets|paracetamol|painkillers|sleeping pills|antidepressants|morphine|codeine|diazepam|opioids|rope|noose|gun|knife|razor|blades?|poison) (?:here|ready|with me|in my (?:hand|bag|pocket)|in front of me|next to me|lined up)\b|\b(?:on|at|near|standing on|up on) (?:the|a) (?:bridge|roof|ledge|cliff|edge|tracks|platform|balcony)\b/,
  },
  {
    id: 'imminence.plan',
    kind: 'plan',
    pattern:
      /\b(?:i have a plan|have planned|made a plan|have it (?:all )?planned|worked out (?:how|when)|know (?:exactly )?how i (?:will|would|am going to)|decided (?:to|how|when)|made up my mind|mind is made up|going to do it|will do it|doing it (?:tonight|today|now|soon)|do it (?:tonight|today|now|soon)|wrote (?:a|my) (?:note|letter|letters)|goodbye (?:letters?|notes?)|suicide note|said my goodbyes|put my affairs in order|sorted out my will|this is goodbye|my last (?:message|goodbye|night)|know where (?:he|she|they) (?:lives?|works?|sleeps?))\b/,
  },
];
