/**
 * Quiet hours set by caregivers ('HH:MM' to 'HH:MM', robot local time): the robot does not start
 * speaking on its own then (check-ins, re-prompts, greetings beyond the AI notice); it still
 * answers. A window may wrap past midnight (22:00 to 07:00).
 */

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for '' (no quiet hours) or a valid 'HH:MM'. */
export function isQuietHoursValue(value: string): boolean {
  return value === '' || HH_MM.test(value);
}

function minutesOf(value: string): number | undefined {
  const match = HH_MM.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** Whether `nowMs` (local time) falls in [start, end); false when either end is unset or invalid. */
export function inQuietHours(nowMs: number, start: string, end: string): boolean {
  const from = minutesOf(start);
  const to = minutesOf(end);
  if (from === undefined || to === undefined || from === to) return false;
  const date = new Date(nowMs);
  const now = date.getHours() * 60 + date.getMinutes();
  return from < to ? now >= from && now < to : now >= from || now < to;
}
