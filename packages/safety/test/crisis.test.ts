import { describe, expect, it } from '@jest/globals';
import { crisisEntries, crisisLocales, crisisMessage, guardReply } from '../src/index.js';

describe('crisisMessage', () => {
  it.each([
    ['en-US', '988', '911'],
    ['en-GB', '116 123', '999'],
    ['en-IE', '116 123', '112'],
    ['fr-FR', '3114', '112'],
    ['de-DE', '0800 111 0 111', '112'],
    ['es-ES', '024', '112'],
    ['en-AU', '13 11 14', '000'],
  ])('%s names its helpline %s in the words it says', (locale, number, emergency) => {
    const message = crisisMessage(locale);
    expect(message).toMatchObject({ locale, fallback: false, emergencyNumber: emergency });
    expect(message.helpline?.number).toBe(number);
    expect(message.text).toContain(number);
  });

  it('matches locales whatever their case or separator', () => {
    expect(crisisMessage('en_gb').locale).toBe('en-GB');
    expect(crisisMessage(' EN-us ').locale).toBe('en-US');
  });

  it('never gives another country’s helpline: unknown locales get the international message', () => {
    for (const locale of ['en', 'en-NZ', 'pt-BR', '']) {
      const message = crisisMessage(locale);
      expect(message).toMatchObject({ locale: 'international', fallback: true });
      expect(message.helpline).toBeUndefined();
      expect(message.text).toMatch(/local emergency number/);
      expect(message.text).not.toMatch(/\d/);
    }
  });

  it('says to call emergency services for a medical emergency', () => {
    const message = crisisMessage('en-GB', 'medical_emergency');
    expect(message.text).toMatch(/call 999 now/);
    expect(message.helpline).toBeUndefined();
    expect(crisisMessage('en-GB', 'suicidal_ideation').text).toMatch(/Samaritans/);
  });

  it('has reviewable entries: every one says how sure its numbers are and its review status', () => {
    expect(crisisLocales()).toEqual([
      'en-US',
      'en-GB',
      'en-IE',
      'en-AU',
      'fr-FR',
      'de-DE',
      'es-ES',
    ]);
    for (const entry of crisisEntries) {
      expect(entry.numberCheck.length).toBeGreaterThan(10);
      expect(entry.review).toMatch(/review/);
    }
  });

  it('has English messages that pass the output guard', () => {
    for (const locale of ['en-US', 'en-GB', 'en-IE', 'en-AU', 'international'])
      for (const category of [undefined, 'medical_emergency'] as const)
        expect(guardReply(crisisMessage(locale, category).text).violations).toEqual([]);
  });
});
