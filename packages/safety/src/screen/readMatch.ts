/**
 * Reads one risk match in its clause and message: whom it is about, whether it is negated, in
 * the past, quoted, framed as fiction, a joke or a question, and whether imminence cues raise
 * it. Returns its final level and one human-readable reason.
 */
import { levelRank, shiftLevel, type RiskCategory, type RiskLevel } from '../levels.js';
import type { Lexicon } from '../lexicon/index.js';
import type { CueRule, ImminenceKind, RiskRule } from '../lexicon/types.js';
import { subjectBefore, subjectInMatch } from './subject.js';

/** Cues found once per message. */
export interface MessageCues {
  readonly joke?: string;
  /** "seriously": the speaker says the joke is not one. */
  readonly serious?: string;
  readonly hypothetical?: string;
  readonly fiction?: string;
  readonly imminence: readonly { kind: ImminenceKind; words: string }[];
}

/** Cues found once per clause. */
export interface ClauseCues {
  readonly past?: string;
  readonly fiction?: string;
}

export interface Reading {
  readonly rule: RiskRule;
  readonly level: RiskLevel;
  /** Set when the reading names another category than its rule (someone else at risk now). */
  readonly category?: RiskCategory;
  readonly reason: string;
}

/** How many words before a match a negation can reach. */
const negationReach = 6;

export function firstCue(cues: readonly CueRule[], text: string): string | undefined {
  for (const cue of cues) {
    const found = cue.pattern.exec(text);
    if (found) return found[0];
  }
  return undefined;
}

/** True when both phrases hold the same word of four letters or more. */
function sharesWord(a: string, b: string): boolean {
  const words = new Set(b.split(' ').filter((word) => word.length >= 4));
  return a.split(' ').some((word) => words.has(word));
}

export function readMatch(
  rule: RiskRule,
  clause: string,
  match: RegExpExecArray,
  clauseCues: ClauseCues,
  messageCues: MessageCues,
  lexicon: Lexicon,
): Reading | undefined {
  const prefix = clause.slice(0, match.index);
  const notes: string[] = [];
  const quoted = (prefix.match(/"/g) ?? []).length % 2 === 1;

  // Whom it is about.
  let self = true;
  let subjectEnd = 0;
  const before = subjectBefore(prefix);
  if (rule.about === 'subject') {
    const subject = subjectInMatch(match[0]) ?? before;
    if (subject && !subject.self) {
      self = false;
      notes.push(`about someone else ("${subject.word}")`);
    }
    if (before) subjectEnd = before.end;
  } else if (rule.about === 'speaker') {
    // Done to the speaker by someone: a person must be named as the one doing it.
    if (!before || before.self) return undefined;
    subjectEnd = before.end;
  } else if (rule.about === 'others') {
    self = false;
    if (before) subjectEnd = before.end;
  } else if (before) {
    subjectEnd = before.end;
  }
  if (quoted && self) {
    self = false;
    notes.push('quoted');
  }

  let category: RiskCategory | undefined;
  const outcome = (level: RiskLevel): Reading => ({
    rule,
    level,
    ...(category ? { category } : {}),
    reason: `${rule.id} "${match[0]}": ${rule.description} (${rule.level})${notes.length ? `; ${notes.join('; ')}` : ''} → ${level}`,
  });

  // Negation in the few words between the subject and the match.
  // It stops at a comma or a joining word: "i can not feel my arm and my chest is tight".
  const afterSubject =
    prefix
      .slice(subjectEnd)
      .split(/,|\band\b|\bor\b|\bso\b/)
      .pop() ?? '';
  const scope = afterSubject.trim().split(' ').slice(-negationReach).join(' ');
  const negation = firstCue(lexicon.negation, scope);
  // A hedge may stand before the subject: "i am not sure i will not kill myself", "i can not
  // promise i will not hurt myself" are double negatives that keep the risk.
  const hedgeScope = (prefix.split(/,|\band\b|\bor\b|\bso\b/).pop() ?? '')
    .trim()
    .split(' ')
    .slice(-2 * negationReach)
    .join(' ');
  if (
    negation !== undefined &&
    firstCue(lexicon.hedges, `${hedgeScope} ${match[0]}`) === undefined
  ) {
    notes.push(`negated by "${negation}"`);
    return outcome('none');
  }
  const fiction = clauseCues.fiction ?? (quoted ? messageCues.fiction : undefined);
  if (fiction !== undefined) {
    notes.push(`fiction, song or news ("${fiction}")`);
    return outcome('none');
  }

  let level = rule.level;
  const floorLow = (shifted: RiskLevel) => (levelRank(shifted) < 1 ? 'low' : shifted);
  if (messageCues.hypothetical !== undefined) {
    level = shiftLevel(level, -3);
    notes.push(`a question for information ("${messageCues.hypothetical}")`);
  }
  // Someone else at risk now: a place or means ("on the bridge") or a time ("right now")
  // in the message makes it an emergency to call for, not talk about someone.
  const othersNow =
    !self &&
    rule.about === 'subject' &&
    clauseCues.past === undefined &&
    messageCues.hypothetical === undefined &&
    messageCues.imminence.some((cue) => !sharesWord(cue.words, match[0]));
  if (othersNow) {
    category = 'medical_emergency';
    notes.push('someone else at risk now');
  } else if (!self && rule.about === 'subject') level = floorLow(shiftLevel(level, -2));
  if (clauseCues.past !== undefined) {
    // Remote past is history: worth a careful reply, never an alarm.
    level = 'low';
    notes.push(`in the past ("${clauseCues.past}")`);
  } else if (
    (self || rule.about === 'anyone') &&
    messageCues.hypothetical === undefined &&
    levelRank(rule.level) >= levelRank('moderate')
  ) {
    // A cue that repeats the statement's own words ("pills saved up" / "have pills") is the
    // statement, not a second sign; only other cues raise it.
    const cues = messageCues.imminence.filter((cue) => !sharesWord(cue.words, match[0]));
    const kinds = [...new Set(cues.map((cue) => cue.kind))];
    if (kinds.length > 0 && level !== 'imminent') {
      level = shiftLevel(level, kinds.length);
      const words = cues.map((cue) => `${cue.kind} "${cue.words}"`);
      notes.push(`imminence: ${words.join(', ')}`);
    }
  }
  // A time, plan or means outweighs a joke, and so does "seriously". A joke about the speaker's
  // own death or self-harm (a rule at high or above) lowers one level and never below moderate:
  // gallows humour can hide real risk. Other jokes ("i will murder my brother lol", the
  // moderate hyperbole "i would rather die than go haha") lower three levels.
  if (
    messageCues.joke !== undefined &&
    messageCues.serious === undefined &&
    messageCues.imminence.length === 0
  ) {
    const ownRisk =
      self &&
      (rule.category === 'suicidal_ideation' || rule.category === 'self_harm') &&
      levelRank(rule.level) >= levelRank('high');
    if (ownRisk) {
      const lowered = shiftLevel(level, -1);
      level =
        levelRank(level) >= levelRank('moderate') && levelRank(lowered) < levelRank('moderate')
          ? 'moderate'
          : lowered;
    } else level = shiftLevel(level, -3);
    notes.push(`a joke ("${messageCues.joke}")`);
  }
  return outcome(level);
}
