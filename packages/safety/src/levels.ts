/**
 * Risk levels and categories, and the small arithmetic the screener does on levels. Levels are
 * ordered; every adjustment moves a level up or down this scale and never past its ends.
 */

export const RiskLevels = ['none', 'low', 'moderate', 'high', 'imminent'] as const;
export type RiskLevel = (typeof RiskLevels)[number];

export const RiskCategories = [
  'suicidal_ideation',
  'self_harm',
  'harm_to_others',
  'abuse',
  'medical_emergency',
] as const;
export type RiskCategory = (typeof RiskCategories)[number];

/** The level's position on the scale: none 0 … imminent 4. */
export function levelRank(level: RiskLevel): number {
  return RiskLevels.indexOf(level);
}

/** The level `steps` places up (positive) or down (negative) the scale, clamped to its ends. */
export function shiftLevel(level: RiskLevel, steps: number): RiskLevel {
  const rank = Math.min(RiskLevels.length - 1, Math.max(0, levelRank(level) + steps));
  return RiskLevels[rank] ?? 'none';
}

export function maxLevel(a: RiskLevel, b: RiskLevel): RiskLevel {
  return levelRank(a) >= levelRank(b) ? a : b;
}

/** True when `level` is at least `floor` (e.g. `atLeast(level, 'high')` means "enter crisis"). */
export function atLeast(level: RiskLevel, floor: RiskLevel): boolean {
  return levelRank(level) >= levelRank(floor);
}

export function isRiskLevel(value: unknown): value is RiskLevel {
  return typeof value === 'string' && (RiskLevels as readonly string[]).includes(value);
}

export function isRiskCategory(value: unknown): value is RiskCategory {
  return typeof value === 'string' && (RiskCategories as readonly string[]).includes(value);
}
