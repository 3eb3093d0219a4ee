/**
 * Weighs a message against the session's recent turns, because risk builds over a
 * conversation: a moderate statement after a high one is read as high; a third moderate
 * statement in a row is high; a plan or means named right after a high statement ("i have
 * made up my mind") is imminent even though the message alone names no risk.
 */
import { atLeast, levelRank, maxLevel, shiftLevel, type RiskLevel } from '../levels.js';
import type { WindowEntry } from './SessionWindow.js';
import type { MessageScreen, ScreenResult } from './types.js';

export function weighRecentTurns(
  message: MessageScreen,
  recent: readonly WindowEntry[],
): ScreenResult {
  if (recent.length === 0) return message;
  let priorTop: WindowEntry | undefined;
  for (const entry of recent)
    if (!priorTop || levelRank(entry.level) >= levelRank(priorTop.level)) priorTop = entry;
  if (!priorTop) return message;
  const turnsAgo = recent.length - recent.lastIndexOf(priorTop);
  const reasons = [...message.reasons];
  let level: RiskLevel = message.level;
  let category = message.category;

  if (atLeast(priorTop.level, 'high') && message.level === 'none') {
    const kinds = message.imminence.filter((kind) => kind !== 'time');
    if (kinds.length > 0) {
      level = 'imminent';
      category = priorTop.category;
      reasons.push(
        `recent turns: ${kinds.join(' and ')} named ${turnsAgo} turn(s) after a ${priorTop.level} message → imminent`,
      );
    }
  } else if (atLeast(priorTop.level, 'high') && !atLeast(message.level, 'high')) {
    level = maxLevel(level, shiftLevel(message.level, 1));
    reasons.push(
      `recent turns: follows a ${priorTop.level} message ${turnsAgo} turn(s) ago → ${level}`,
    );
  } else if (message.level === 'moderate') {
    const moderates = recent.filter((entry) => entry.level === 'moderate').length;
    if (moderates >= 2) {
      level = 'high';
      reasons.push(`recent turns: ${moderates} earlier moderate messages → high`);
    }
  }
  return { ...message, level, category, reasons };
}
