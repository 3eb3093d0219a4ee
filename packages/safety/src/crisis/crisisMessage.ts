/**
 * The crisis message for the robot's locale (from its profile). Only an exact locale match is
 * used ("en-GB", "en_gb" and "EN-gb" are the same); "en" or "en-NZ" get the international
 * message rather than another country's helpline.
 */
import type { RiskCategory } from '../levels.js';
import {
  crisisEntries,
  internationalEntry,
  type CrisisEntry,
  type Helpline,
} from './crisisMessages.js';

export interface CrisisMessage {
  /** The entry used: a locale, or "international". */
  readonly locale: string;
  /** The words to say, fixed and reviewed. */
  readonly text: string;
  readonly helpline?: Helpline;
  readonly emergencyNumber?: string;
  /** True when the locale had no entry and the international message was used. */
  readonly fallback: boolean;
}

function canonical(locale: string): string {
  return locale.trim().replace(/_/g, '-').toLowerCase();
}

export function crisisEntry(locale: string): CrisisEntry | undefined {
  const wanted = canonical(locale);
  return crisisEntries.find((entry) => canonical(entry.locale) === wanted);
}

/** The locales with their own entry. */
export function crisisLocales(): string[] {
  return crisisEntries.map((entry) => entry.locale);
}

export function crisisMessage(locale: string, category?: RiskCategory | null): CrisisMessage {
  const entry = crisisEntry(locale);
  const chosen = entry ?? internationalEntry;
  const text = category === 'medical_emergency' ? chosen.emergencyMessage : chosen.message;
  return {
    locale: chosen.locale,
    text,
    ...(chosen.helpline && category !== 'medical_emergency' ? { helpline: chosen.helpline } : {}),
    ...(chosen.emergencyNumber ? { emergencyNumber: chosen.emergencyNumber } : {}),
    fallback: entry === undefined,
  };
}
