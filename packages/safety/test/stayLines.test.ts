import { describe, expect, it } from '@jest/globals';
import { crisisEntries, crisisMessage, crisisStayLine } from '../src/index.js';

describe('crisisStayLine', () => {
  it('repeats the locale’s helpline in a short line, and takes turns between lines', () => {
    const first = crisisStayLine('en-GB', 'suicidal_ideation', 0);
    const second = crisisStayLine('en-GB', 'suicidal_ideation', 1);
    expect(first).toMatch(/still here with you/);
    expect(first).toMatch(/116 123/);
    expect(second).toMatch(/116 123/);
    expect(second).not.toBe(first);
    expect(crisisStayLine('en-GB', 'suicidal_ideation', 2)).toBe(first);
  });

  it('gives every locale with a crisis entry a line with its own numbers, shorter than the message', () => {
    for (const entry of crisisEntries) {
      const line = crisisStayLine(entry.locale, 'self_harm');
      if (entry.helpline) expect(line).toContain(entry.helpline.number);
      expect(line).not.toMatch(/\{|\}/);
      expect(line.length).toBeLessThan(crisisMessage(entry.locale, 'self_harm').text.length);
      const emergency = crisisStayLine(entry.locale, 'medical_emergency');
      if (entry.emergencyNumber) expect(emergency).toContain(entry.emergencyNumber);
    }
  });

  it('a locale without an entry gets no number that might be another country’s', () => {
    const line = crisisStayLine('en-NZ', 'suicidal_ideation');
    expect(line).toMatch(/local crisis line/);
    expect(line).not.toMatch(/\d/);
  });
});
