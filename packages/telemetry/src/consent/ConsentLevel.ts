/**
 * What a person lets leave the robot, from least to most. Each level includes the ones before
 * it. Whatever the level, the robot's own status and health, and safety alerts, always leave:
 * alerts are the safety net (without the person's words unless they consented to transcripts).
 */
export const CONSENT_LEVELS = ['nothing', 'state_mood', 'summaries', 'transcripts'] as const;
export type ConsentLevel = (typeof CONSENT_LEVELS)[number];

/** For a person the profile does not list, or when nobody is identified: state, mood, alerts. */
export const DEFAULT_CONSENT: ConsentLevel = 'state_mood';

/** What a payload needs to leave as it is: `always`, or a consent level. */
export type Disclosure = 'always' | Exclude<ConsentLevel, 'nothing'>;

export function isConsentLevel(value: unknown): value is ConsentLevel {
  return CONSENT_LEVELS.some((level) => level === value);
}

/** True when a person at `level` lets a payload that needs `needed` leave the robot. */
export function permits(level: ConsentLevel, needed: Disclosure): boolean {
  return needed === 'always' || CONSENT_LEVELS.indexOf(level) >= CONSENT_LEVELS.indexOf(needed);
}
