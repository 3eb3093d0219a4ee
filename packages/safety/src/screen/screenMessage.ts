/**
 * Screens one message on its own: normalize, blank out idioms, find the message's cues, split
 * into clauses, run every rule on every clause and read each match (readMatch.ts). The
 * highest reading sets the level; ties go to the category listed first in RiskCategories.
 */
import { RiskCategories, levelRank, type RiskCategory } from '../levels.js';
import type { Lexicon } from '../lexicon/index.js';
import type { IdiomRule, RiskRule } from '../lexicon/types.js';
import { splitClauses } from './clauses.js';
import { normalize } from './normalize.js';
import { firstCue, readMatch, type MessageCues, type Reading } from './readMatch.js';
import type { MessageScreen } from './types.js';

function categoryOrder(category: RiskCategory): number {
  return RiskCategories.indexOf(category);
}

function better(a: Reading, b: Reading): boolean {
  const byLevel = levelRank(a.level) - levelRank(b.level);
  if (byLevel !== 0) return byLevel > 0;
  return (
    categoryOrder(a.category ?? a.rule.category) < categoryOrder(b.category ?? b.rule.category)
  );
}

// Idiom patterns are blanked out everywhere in a message, which needs the global flag; compiled
// once per rule rather than once per message.
const globalIdioms = new WeakMap<IdiomRule, RegExp>();
function globalPattern(idiom: IdiomRule): RegExp {
  let pattern = globalIdioms.get(idiom);
  if (!pattern) {
    pattern = new RegExp(idiom.pattern.source, 'g');
    globalIdioms.set(idiom, pattern);
  }
  return pattern;
}

// All rules as one alternation: one scan tells whether a clause can match any rule at all, so
// the common, benign clause costs one regex instead of one per rule.
const anyRulePatterns = new WeakMap<readonly RiskRule[], RegExp>();
function anyRule(rules: readonly RiskRule[]): RegExp {
  let pattern = anyRulePatterns.get(rules);
  if (!pattern) {
    pattern = new RegExp(rules.map((rule) => `(?:${rule.pattern.source})`).join('|'));
    anyRulePatterns.set(rules, pattern);
  }
  return pattern;
}

export function screenMessage(text: string, lexicon: Lexicon): MessageScreen {
  let normalized = normalize(text);
  const idiomReasons: string[] = [];
  for (const idiom of lexicon.idioms) {
    normalized = normalized.replace(globalPattern(idiom), (found) => {
      idiomReasons.push(`ignored ${idiom.id} "${found}": ${idiom.description}`);
      return ' ~ ';
    });
  }
  const imminence: { kind: MessageCues['imminence'][number]['kind']; words: string }[] = [];
  // "mum rang today": the time dates the call, not the risk.
  let timed = normalized;
  for (const cue of lexicon.reportTime)
    timed = timed.replace(new RegExp(cue.pattern.source, 'g'), ' ~ ');
  for (const cue of lexicon.imminence) {
    const found = cue.pattern.exec(timed);
    if (found) imminence.push({ kind: cue.kind, words: found[0] });
  }
  const messageCues: MessageCues = {
    joke: firstCue(lexicon.jokes, normalized),
    serious: firstCue(lexicon.serious, normalized),
    hypothetical: firstCue(lexicon.hypothetical, normalized),
    fiction: firstCue(lexicon.fiction, normalized),
    imminence,
  };

  const readings: Reading[] = [];
  const gate = anyRule(lexicon.rules);
  for (const clause of splitClauses(normalized)) {
    if (!gate.test(clause)) continue;
    const past = firstCue(lexicon.past, clause);
    const clauseCues = {
      past:
        past !== undefined && firstCue(lexicon.present, clause) === undefined ? past : undefined,
      fiction: firstCue(lexicon.fiction, clause),
    };
    for (const rule of lexicon.rules) {
      const match = rule.pattern.exec(clause);
      if (!match) continue;
      const reading = readMatch(rule, clause, match, clauseCues, messageCues, lexicon);
      if (reading) readings.push(reading);
    }
  }

  let top: Reading | undefined;
  for (const reading of readings) if (!top || better(reading, top)) top = reading;
  const ordered = top ? [top, ...readings.filter((reading) => reading !== top)] : [];
  const level = top?.level ?? 'none';
  return {
    level,
    category: level === 'none' || !top ? null : (top.category ?? top.rule.category),
    reasons: [...ordered.map((reading) => reading.reason), ...idiomReasons],
    rules: ordered.map((reading) => reading.rule.id),
    imminence: [...new Set(imminence.map((cue) => cue.kind))],
  };
}
