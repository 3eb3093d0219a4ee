/**
 * How a store folds a new alert message into what it knows. Alerts are re-sent while open and may
 * arrive out of order after a reconnect; an acknowledged alert must never look open again.
 */
import type { AlertView } from './DashboardStore.js';

/** The alert to keep, or undefined when `next` changes nothing. */
export function mergeAlert(
  previous: AlertView | undefined,
  next: AlertView,
): AlertView | undefined {
  if (!previous) return next;
  if (previous.status === 'acknowledged') return undefined;
  if (next.status === 'acknowledged') return next;
  if (Date.parse(next.ts) < Date.parse(previous.ts)) return undefined;
  // Escalation is one way, whatever order the re-sends arrive in.
  if (previous.status === 'escalated' && next.status === 'open')
    return { ...next, status: 'escalated', contact: 'secondary' };
  return next;
}

/** Open and escalated first, then acknowledged; newest first within each. */
export function alertOrder(a: AlertView, b: AlertView): number {
  const openA = a.status === 'acknowledged' ? 1 : 0;
  const openB = b.status === 'acknowledged' ? 1 : 0;
  return openA - openB || Date.parse(b.raisedAt) - Date.parse(a.raisedAt);
}
