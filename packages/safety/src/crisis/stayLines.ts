/**
 * What the robot says in a crisis when the person speaks again before a caregiver has
 * acknowledged the alert: short, warm, fixed lines (never generated) that repeat the helpline
 * from the locale's crisis entry. The robot stays with the person and keeps pointing to a human
 * who can help now. Same review status as crisisMessages.ts: project drafts awaiting clinical
 * review; the French, German and Spanish lines await a native speaker's review.
 */
import type { RiskCategory } from '../levels.js';
import { crisisEntry } from './crisisMessage.js';
import { internationalEntry, type CrisisEntry } from './crisisMessages.js';

interface StayWords {
  /** {name} and {number}: the helpline. */
  readonly helpline: readonly string[];
  /** No helpline for the locale: a person they trust or a local crisis line. */
  readonly noHelpline: readonly string[];
  /** {emergency}: the emergency number (a medical emergency). */
  readonly emergency: readonly string[];
  /** A medical emergency where the locale has no emergency number. */
  readonly noEmergency: readonly string[];
}

const stayWords: Readonly<Record<string, StayWords>> = {
  en: {
    helpline: [
      'I’m still here with you. You can call {name} on {number} right now to talk with a person. I’ve let someone who cares about you know.',
      'I’m right here, and I’m not going anywhere. {name} is there for you on {number}, any time. Someone who cares about you has been told.',
    ],
    noHelpline: [
      'I’m still here with you. Please reach out now to someone you trust, or to a local crisis line. I’ve let someone who cares about you know.',
    ],
    emergency: [
      'I’m still here with you. Please call {emergency} now if you can, or ask someone near you to. I’ve let your caregiver know.',
    ],
    noEmergency: [
      'I’m still here with you. Please call your local emergency number now if you can. I’ve let your caregiver know.',
    ],
  },
  fr: {
    helpline: [
      'Je suis toujours là avec vous. Vous pouvez appeler {name} au {number} dès maintenant pour parler à quelqu’un. J’ai prévenu une personne qui tient à vous.',
    ],
    noHelpline: [
      'Je suis toujours là avec vous. Contactez maintenant une personne de confiance ou une ligne d’écoute. J’ai prévenu une personne qui tient à vous.',
    ],
    emergency: [
      'Je suis toujours là avec vous. Appelez le {emergency} maintenant si vous le pouvez. J’ai prévenu votre aidant.',
    ],
    noEmergency: [
      'Je suis toujours là avec vous. Appelez les secours maintenant si vous le pouvez. J’ai prévenu votre aidant.',
    ],
  },
  de: {
    helpline: [
      'Ich bin weiter hier bei Ihnen. Sie können jetzt gleich {name} unter {number} anrufen und mit einem Menschen sprechen. Ich habe jemandem Bescheid gegeben, dem Sie wichtig sind.',
    ],
    noHelpline: [
      'Ich bin weiter hier bei Ihnen. Bitte wenden Sie sich jetzt an einen Menschen, dem Sie vertrauen, oder an eine Krisenhotline. Ich habe jemandem Bescheid gegeben, dem Sie wichtig sind.',
    ],
    emergency: [
      'Ich bin weiter hier bei Ihnen. Bitte rufen Sie jetzt die {emergency} an, wenn Sie können. Ich habe Ihre Betreuungsperson benachrichtigt.',
    ],
    noEmergency: [
      'Ich bin weiter hier bei Ihnen. Bitte rufen Sie jetzt den Notruf an, wenn Sie können. Ich habe Ihre Betreuungsperson benachrichtigt.',
    ],
  },
  es: {
    helpline: [
      'Sigo aquí contigo. Puedes llamar ahora mismo a {name} al {number} para hablar con una persona. He avisado a alguien que se preocupa por ti.',
    ],
    noHelpline: [
      'Sigo aquí contigo. Habla ahora con alguien de confianza o con una línea de crisis. He avisado a alguien que se preocupa por ti.',
    ],
    emergency: [
      'Sigo aquí contigo. Llama ahora al {emergency} si puedes. He avisado a tu cuidador.',
    ],
    noEmergency: [
      'Sigo aquí contigo. Llama ahora a emergencias si puedes. He avisado a tu cuidador.',
    ],
  },
};

function fill(template: string, entry: CrisisEntry): string {
  return template
    .replace('{name}', entry.helpline?.name ?? '')
    .replace('{number}', entry.helpline?.number ?? '')
    .replace('{emergency}', entry.emergencyNumber ?? '');
}

/**
 * The `turn`-th line (0 first; they take turns so the robot does not sound like a recording)
 * for the robot's locale and the crisis's category. A locale with no crisis entry gets the
 * international words, with no number that might be another country's.
 */
export function crisisStayLine(locale: string, category?: RiskCategory | null, turn = 0): string {
  const entry = crisisEntry(locale) ?? internationalEntry;
  const language = entry === internationalEntry ? 'en' : entry.locale.slice(0, 2).toLowerCase();
  const words = stayWords[language] ?? stayWords.en;
  if (!words) throw new Error('crisisStayLine: the English stay lines are missing.');
  const lines =
    category === 'medical_emergency'
      ? entry.emergencyNumber
        ? words.emergency
        : words.noEmergency
      : entry.helpline
        ? words.helpline
        : words.noHelpline;
  const line = lines[Math.abs(turn) % lines.length] ?? '';
  return fill(line, entry);
}
