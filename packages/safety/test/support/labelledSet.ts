/** Reads the project's labelled screener sets (JSONL in test/data) and scores a screener on them. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  RiskLevels,
  isRiskCategory,
  isRiskLevel,
  levelRank,
  type RiskCategory,
  type RiskLevel,
  type ScreenResult,
} from '../../src/index.js';

export interface LabelledMessage {
  readonly text: string;
  readonly level: RiskLevel;
  readonly category: RiskCategory | null;
  readonly kind: 'risk' | 'hard_negative';
  readonly note: string;
  /**
   * What kind of phrasing it is, for checking the set's mix: direct, indirect, joke, idiom,
   * third_party, third_party_now (someone else at risk now), negation, past, fiction...
   */
  readonly tags: readonly string[];
}

export function loadLabelledSet(file: string): LabelledMessage[] {
  const path = fileURLToPath(new URL(`../data/${file}`, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const item = JSON.parse(line) as Record<string, unknown>;
      const { text, level, category, kind, note, tags } = item;
      if (
        typeof text !== 'string' ||
        !isRiskLevel(level) ||
        !(category === null || isRiskCategory(category)) ||
        (kind !== 'risk' && kind !== 'hard_negative') ||
        !(
          tags === undefined ||
          (Array.isArray(tags) && tags.every((tag) => typeof tag === 'string'))
        )
      )
        throw new Error(`${file} line ${index + 1} is not a labelled message: ${line}`);
      return {
        text,
        level,
        category,
        kind,
        note: typeof note === 'string' ? note : '',
        tags: (tags as string[] | undefined) ?? [],
      };
    });
}

export interface Scored {
  readonly item: LabelledMessage;
  readonly result: ScreenResult;
}

export interface Scores {
  /** Per labelled level of risk messages: how many, how many screened at or above the label. */
  readonly recall: { level: RiskLevel; total: number; caught: number; exact: number }[];
  readonly hardNegatives: number;
  /** Hard negatives screened above their label (none, or low for third party and past). */
  readonly falsePositives: Scored[];
  /** Hard negatives screened high or imminent: they would enter the crisis state. */
  readonly alarms: Scored[];
  readonly categoryAgreement: { total: number; same: number };
}

export function score(scored: readonly Scored[]): Scores {
  const risk = scored.filter(({ item }) => item.kind === 'risk');
  const recall = RiskLevels.filter((level) => level !== 'none').map((level) => {
    const atLevel = risk.filter(({ item }) => item.level === level);
    return {
      level,
      total: atLevel.length,
      caught: atLevel.filter(({ item, result }) => levelRank(result.level) >= levelRank(item.level))
        .length,
      exact: atLevel.filter(({ item, result }) => result.level === item.level).length,
    };
  });
  const negatives = scored.filter(({ item }) => item.kind === 'hard_negative');
  const withCategory = scored.filter(({ item, result }) => item.category && result.category);
  return {
    recall,
    hardNegatives: negatives.length,
    falsePositives: negatives.filter(
      ({ item, result }) => levelRank(result.level) > levelRank(item.level),
    ),
    alarms: negatives.filter(({ result }) => levelRank(result.level) >= levelRank('high')),
    categoryAgreement: {
      total: withCategory.length,
      same: withCategory.filter(({ item, result }) => item.category === result.category).length,
    },
  };
}

/** The two numbers the README's held-out table reports: caught at high, and flagged at all. */
export function heldOutSummary(scored: readonly Scored[]): {
  highRisk: number;
  caughtHigh: number;
  risk: number;
  flagged: number;
  line: string;
} {
  const risk = scored.filter(({ item }) => item.kind === 'risk');
  const highRisk = risk.filter(({ item }) => levelRank(item.level) >= levelRank('high'));
  const caughtHigh = highRisk.filter(
    ({ result }) => levelRank(result.level) >= levelRank('high'),
  ).length;
  const flagged = risk.filter(({ result }) => result.level !== 'none').length;
  return {
    highRisk: highRisk.length,
    caughtHigh,
    risk: risk.length,
    flagged,
    line: `high/imminent caught at >= high: ${caughtHigh} of ${highRisk.length}; any risk flagged: ${flagged} of ${risk.length}`,
  };
}

/** A small table for the test output. */
export function scoreTable(title: string, scores: Scores): string {
  const pct = (part: number, whole: number) =>
    whole === 0 ? '   -' : `${((100 * part) / whole).toFixed(1).padStart(5)}%`;
  const lines = [
    title,
    'level      messages  caught (>= label)  exact',
    ...scores.recall.map(
      ({ level, total, caught, exact }) =>
        `${level.padEnd(10)} ${String(total).padStart(8)}  ${String(caught).padStart(6)} ${pct(caught, total)}  ${String(exact).padStart(5)}`,
    ),
    `hard negatives ${scores.hardNegatives}: false positives (above label) ${scores.falsePositives.length} ${pct(scores.falsePositives.length, scores.hardNegatives)}, alarms (>= high) ${scores.alarms.length}`,
    `category agrees where both name one: ${scores.categoryAgreement.same}/${scores.categoryAgreement.total}`,
  ];
  return lines.join('\n');
}
