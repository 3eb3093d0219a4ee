import { describe, expect, it } from '@jest/globals';
import { inQuietHours, isQuietHoursValue, joinInstructions } from '../src/index.js';

/** A local time today, in ms. */
function at(hours: number, minutes = 0): number {
  const date = new Date(2026, 0, 15, hours, minutes);
  return date.getTime();
}

describe('quiet hours', () => {
  it('holds inside a same-day window and not outside it', () => {
    expect(inQuietHours(at(13, 30), '13:00', '15:00')).toBe(true);
    expect(inQuietHours(at(15, 0), '13:00', '15:00')).toBe(false);
    expect(inQuietHours(at(12, 59), '13:00', '15:00')).toBe(false);
  });

  it('wraps past midnight', () => {
    expect(inQuietHours(at(23, 0), '22:00', '07:00')).toBe(true);
    expect(inQuietHours(at(6, 59), '22:00', '07:00')).toBe(true);
    expect(inQuietHours(at(7, 0), '22:00', '07:00')).toBe(false);
    expect(inQuietHours(at(12, 0), '22:00', '07:00')).toBe(false);
  });

  it('is off when either end is unset or both are the same', () => {
    expect(inQuietHours(at(23, 0), '', '07:00')).toBe(false);
    expect(inQuietHours(at(23, 0), '22:00', '')).toBe(false);
    expect(inQuietHours(at(22, 0), '22:00', '22:00')).toBe(false);
  });

  it('accepts HH:MM or empty, nothing else', () => {
    for (const good of ['', '00:00', '07:05', '23:59']) expect(isQuietHoursValue(good)).toBe(true);
    for (const bad of ['24:00', '7:05', '07:60', 'night', '07:05:00'])
      expect(isQuietHoursValue(bad)).toBe(false);
  });

  it('joins instructions, skipping empty ones', () => {
    expect(joinInstructions('', ' a ', '', 'b')).toBe('a b');
    expect(joinInstructions('', '')).toBe('');
  });
});
