/**
 * The fixed supportive crisis messages and helplines, per locale. These words are said as they
 * are, never generated: the dialogue's crisis state speaks `message` (risk to the person or
 * others) or `emergencyMessage` (a medical emergency).
 *
 * REVIEW STATUS, read before shipping a robot:
 * - Numbers: only numbers the authors are confident of are here; each entry's `numberCheck`
 *   says how sure, and `lastChecked` when. Helplines change: re-check every entry against the
 *   service's own website before a release. Where there is doubt it says so.
 * - Words: written by the Hearth engineers for this project, warm and plain, following common
 *   crisis-line guidance (acknowledge, you are not alone, here is a person to talk to now, call
 *   emergency services in immediate danger). They have NOT yet been reviewed by a clinician,
 *   and the French, German and Spanish text needs a native speaker's review (`review`).
 * - A locale not listed gets the international message (no number that might be a wrong
 *   country's), never a neighbour's helpline.
 */

export interface Helpline {
  readonly name: string;
  /** As it is dialled, and as it is spoken in the message. */
  readonly number: string;
  readonly hours: string;
}

export interface CrisisEntry {
  /** BCP-47, e.g. en-GB. */
  readonly locale: string;
  readonly helpline?: Helpline;
  readonly emergencyNumber?: string;
  /** Said when the person (or someone else) is at risk of suicide, self-harm or harm. */
  readonly message: string;
  /** Said for a medical emergency. */
  readonly emergencyMessage: string;
  readonly numberCheck: string;
  readonly review: string;
  readonly lastChecked: string;
}

const englishReview = 'words: project draft, awaiting clinical review';

export const crisisEntries: readonly CrisisEntry[] = [
  {
    locale: 'en-US',
    helpline: { name: '988 Suicide & Crisis Lifeline', number: '988', hours: '24/7, call or text' },
    emergencyNumber: '911',
    message:
      'I’m really glad you told me, and I’m staying right here with you. You don’t have to go through this alone. You can call or text 988, the Suicide and Crisis Lifeline, any time, day or night, to talk with a person now. If you are in immediate danger, please call 911. I’m letting someone who cares about you know, so they can be with you too.',
    emergencyMessage:
      'This sounds like an emergency. Please call 911 now, or ask someone near you to call. I’m letting your caregiver know, and I’m staying right here with you.',
    numberCheck: 'certain: 988 (national since July 2022) and 911',
    review: englishReview,
    lastChecked: '2026-11',
  },
  {
    locale: 'en-GB',
    helpline: { name: 'Samaritans', number: '116 123', hours: '24/7, free' },
    emergencyNumber: '999',
    message:
      'I’m really glad you told me, and I’m staying right here with you. You don’t have to go through this alone. You can call Samaritans free on 116 123, any time, day or night, to talk with a person now. If you are in immediate danger, please call 999. I’m letting someone who cares about you know, so they can be with you too.',
    emergencyMessage:
      'This sounds like an emergency. Please call 999 now, or ask someone near you to call. I’m letting your caregiver know, and I’m staying right here with you.',
    numberCheck: 'certain: Samaritans 116 123 and 999 (112 also works)',
    review: englishReview,
    lastChecked: '2026-11',
  },
  {
    locale: 'en-IE',
    helpline: { name: 'Samaritans', number: '116 123', hours: '24/7, free' },
    emergencyNumber: '112',
    message:
      'I’m really glad you told me, and I’m staying right here with you. You don’t have to go through this alone. You can call Samaritans free on 116 123, any time, day or night, to talk with a person now. If you are in immediate danger, please call 112 or 999. I’m letting someone who cares about you know, so they can be with you too.',
    emergencyMessage:
      'This sounds like an emergency. Please call 112 or 999 now, or ask someone near you to call. I’m letting your caregiver know, and I’m staying right here with you.',
    numberCheck: 'certain: Samaritans Ireland 116 123; 112 and 999 both reach emergency services',
    review: englishReview,
    lastChecked: '2026-11',
  },
  {
    locale: 'en-AU',
    helpline: { name: 'Lifeline', number: '13 11 14', hours: '24/7' },
    emergencyNumber: '000',
    message:
      'I’m really glad you told me, and I’m staying right here with you. You don’t have to go through this alone. You can call Lifeline on 13 11 14, any time, day or night, to talk with a person now. If you are in immediate danger, please call triple zero, 000. I’m letting someone who cares about you know, so they can be with you too.',
    emergencyMessage:
      'This sounds like an emergency. Please call triple zero, 000, now, or ask someone near you to call. I’m letting your caregiver know, and I’m staying right here with you.',
    numberCheck: 'certain: Lifeline 13 11 14 and 000',
    review: englishReview,
    lastChecked: '2026-11',
  },
  {
    locale: 'fr-FR',
    helpline: {
      name: 'Numéro national de prévention du suicide',
      number: '3114',
      hours: '24h/24, 7j/7, gratuit',
    },
    emergencyNumber: '112',
    message:
      'Merci de me l’avoir dit. Je reste là, avec vous. Vous n’êtes pas seul face à cela. Vous pouvez appeler le 3114, le numéro national de prévention du suicide, gratuitement, jour et nuit, pour parler à quelqu’un tout de suite. En cas de danger immédiat, appelez le 112 ou le 15. Je préviens une personne qui tient à vous, pour qu’elle puisse être là aussi.',
    emergencyMessage:
      'Cela ressemble à une urgence. Appelez le 15 ou le 112 maintenant, ou demandez à quelqu’un près de vous d’appeler. Je préviens votre aidant, et je reste là avec vous.',
    numberCheck: 'certain: 3114 (since October 2021), 15 (SAMU) and 112',
    review: 'words: project draft, awaiting clinical and native-speaker review',
    lastChecked: '2026-11',
  },
  {
    locale: 'de-DE',
    helpline: {
      name: 'TelefonSeelsorge',
      number: '0800 111 0 111',
      hours: 'rund um die Uhr, kostenfrei',
    },
    emergencyNumber: '112',
    message:
      'Danke, dass Sie mir das sagen. Ich bleibe hier bei Ihnen. Sie müssen da nicht allein durch. Sie können die TelefonSeelsorge jederzeit kostenfrei anrufen, unter 0800 111 0 111 oder 0800 111 0 222, und sofort mit einem Menschen sprechen. Wenn Sie in akuter Gefahr sind, rufen Sie bitte die 112 an. Ich gebe einem Menschen Bescheid, dem Sie wichtig sind, damit auch er für Sie da sein kann.',
    emergencyMessage:
      'Das klingt nach einem Notfall. Bitte rufen Sie jetzt die 112 an, oder bitten Sie jemanden in Ihrer Nähe, anzurufen. Ich gebe Ihrer Betreuungsperson Bescheid und bleibe hier bei Ihnen.',
    numberCheck:
      'certain: TelefonSeelsorge 0800 111 0 111 and 0800 111 0 222, and 112; 116 123 is also said to reach TelefonSeelsorge but is left out until checked',
    review: 'words: project draft, awaiting clinical and native-speaker review',
    lastChecked: '2026-11',
  },
  {
    locale: 'es-ES',
    helpline: {
      name: 'Línea 024 de atención a la conducta suicida',
      number: '024',
      hours: '24 horas, gratuita',
    },
    emergencyNumber: '112',
    message:
      'Gracias por contármelo. Me quedo aquí, contigo. No tienes que pasar por esto a solas. Puedes llamar al 024, la línea de atención a la conducta suicida, gratis y a cualquier hora, para hablar ahora con una persona. Si estás en peligro inmediato, llama al 112. Voy a avisar a alguien que se preocupa por ti, para que también pueda estar contigo.',
    emergencyMessage:
      'Esto parece una emergencia. Llama al 112 ahora, o pide a alguien cercano que llame. Voy a avisar a tu cuidador, y me quedo aquí contigo.',
    numberCheck: 'certain: 024 (since May 2022) and 112',
    review:
      'words: project draft, awaiting clinical and native-speaker review (uses tú; a robot for older people may prefer usted)',
    lastChecked: '2026-11',
  },
];

/** For every locale without an entry: no number that might be a wrong country's. */
export const internationalEntry: CrisisEntry = {
  locale: 'international',
  message:
    'I’m really glad you told me, and I’m staying right here with you. You don’t have to go through this alone. Please reach out now to someone you trust, or to a local crisis line, so you can talk with a person. If you are in immediate danger, please call your local emergency number. I’m letting someone who cares about you know, so they can be with you too.',
  emergencyMessage:
    'This sounds like an emergency. Please call your local emergency number now, or ask someone near you to call. I’m letting your caregiver know, and I’m staying right here with you.',
  numberCheck: 'no number on purpose: 112 reaches emergency services in many countries, not all',
  review: englishReview,
  lastChecked: '2026-11',
};
