/**
 * The AI notice is not removable (issue 7): whatever words a robot's owner sets, they must say
 * the robot is an AI. A non-empty check is not enough ("Hello!" says nothing of the kind), so the
 * notice must name it: an acronym (AI, KI, IA) or the robot's language's own words. Naming it is
 * not enough either: "I am not a robot, I'm a real person" names one. A mention counts only when
 * no negation stands just before it, and a notice that claims to be human or a person is refused
 * whatever else it says.
 */

/**
 * The acronyms, as written: case matters, since "ai" (French "j'ai") or "ia" inside other words
 * say nothing of the kind.
 */
const AI_ACRONYM = /(^|[^\p{L}])(AI|A\.I\.?|KI|IA)(?!\p{L})/gu;

interface LanguageWords {
  /** The words that say "an AI" or "a robot", lower case. */
  readonly ai: readonly string[];
  /** Words that negate what follows them: "not a robot", "kein Roboter". */
  readonly negation: readonly string[];
  /** A claim to be human: "i'm a real person". Tried on the lower-cased notice. */
  readonly human: RegExp;
}

/** Per language (the locale's first part). */
const wordsByLanguage: Readonly<Record<string, LanguageWords>> = {
  en: {
    ai: ['artificial', 'robot', 'machine'],
    negation: ['not', 'never', 'no', 'nor', 'neither'],
    human:
      /\b(?:i am|i'm|im|i’m)\s+(?:a\s+|an\s+)?(?:real\s+|actual\s+|living\s+|genuine\s+)?(?:human|person|man|woman|human being|flesh and blood)\b/,
  },
  de: {
    ai: ['künstliche', 'künstlicher', 'roboter', 'maschine'],
    negation: ['nicht', 'kein', 'keine', 'keiner', 'nie', 'niemals'],
    human:
      /\bich bin\s+(?:ein\s+|eine\s+)?(?:echter\s+|echte\s+|richtiger\s+)?(?:mensch|person)\b/u,
  },
  fr: {
    ai: ['artificielle', 'artificiel', 'robot', 'machine'],
    negation: ['pas', 'jamais', 'ni', 'non'],
    human:
      /\bje suis\s+(?:un\s+|une\s+)?(?:vrai\s+|vraie\s+|véritable\s+)?(?:humain|humaine|personne|être humain)\b/u,
  },
  es: {
    ai: ['artificial', 'robot', 'máquina'],
    negation: ['no', 'nunca', 'ni', 'jamás'],
    human:
      /\bsoy\s+(?:un\s+|una\s+)?(?:verdadero\s+|verdadera\s+|real\s+)?(?:humano|humana|persona)\b/u,
  },
};

const languages = Object.values(wordsByLanguage);
const allWords = [...new Set(languages.flatMap((words) => words.ai))];

/** How many words before a mention a negation can reach: "I'm definitely not an AI". */
const NEGATION_REACH = 3;

function languageOf(locale: string): LanguageWords | undefined {
  const language = locale.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return wordsByLanguage[language];
}

/** The words accepted for a locale: its language's, or every language's when it has none. */
export function aiNoticeWords(locale: string): readonly string[] {
  return languageOf(locale)?.ai ?? allWords;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where the notice names an AI: each acronym and each of the words, by index. */
function mentions(notice: string, words: readonly string[]): number[] {
  const found: number[] = [];
  for (const match of notice.matchAll(AI_ACRONYM)) found.push(match.index + match[1]!.length);
  const pattern = new RegExp(`(?<!\\p{L})(?:${words.map(escape).join('|')})(?!\\p{L})`, 'gu');
  for (const match of notice.toLowerCase().matchAll(pattern)) found.push(match.index);
  return found;
}

/** Whether a negation stands in the few words before `index`: "not", "never", "isn't". */
function negatedAt(notice: string, index: number, negation: ReadonlySet<string>): boolean {
  const before = notice
    .slice(0, index)
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/[^\p{L}']+/u)
    .filter((word) => word !== '')
    .slice(-NEGATION_REACH);
  return before.some((word) => negation.has(word) || word.endsWith("n't"));
}

/**
 * Whether `notice` says, in the locale's language, that the robot is an AI: at least one mention
 * not negated, and no claim to be human. A locale without its own words is read with every
 * language's.
 */
export function saysItIsAnAi(notice: string, locale: string): boolean {
  const language = languageOf(locale);
  const checked = language ? [language] : languages;
  const lower = notice.toLowerCase().replace(/’/g, "'");
  if (checked.some((words) => words.human.test(lower))) return false;
  const negation = new Set(checked.flatMap((words) => words.negation));
  return mentions(notice, aiNoticeWords(locale)).some(
    (index) => !negatedAt(notice, index, negation),
  );
}
