import type { SessionEndReason, SessionStats, SessionSummaryData } from './types.js';

export function newSession(startedAt: number): SessionStats {
  return {
    startedAt,
    turns: 0,
    interruptions: 0,
    alerts: 0,
    firstAudioMs: [],
    moodStart: '',
    moodEnd: '',
    nudged: false,
  };
}

/** A mood as the session summary gives it: "<emotion> <intensity 0-1, 2 decimals>", e.g. "sadness 0.62". */
export function moodOf(emotion: string, intensity: number): string {
  const clamped = Number.isFinite(intensity) ? Math.min(1, Math.max(0, intensity)) : 0;
  return `${emotion} ${clamped.toFixed(2)}`;
}

/** The session with a new affect estimate: the first sets the mood at start, each sets it at end. */
export function withMood(stats: SessionStats, mood: string): SessionStats {
  return { ...stats, moodStart: stats.moodStart === '' ? mood : stats.moodStart, moodEnd: mood };
}

/** The nearest-rank percentile of `values` (sorted here); -1 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return -1;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? -1;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? -1 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

export function summarizeSession(
  sessionId: string,
  stats: SessionStats,
  reason: SessionEndReason,
  detail: string,
  endAt: number,
): SessionSummaryData {
  return {
    sessionId,
    reason,
    detail,
    startedAt: stats.startedAt,
    durationMs: Math.max(0, endAt - stats.startedAt),
    turns: stats.turns,
    interruptions: stats.interruptions,
    alerts: stats.alerts,
    moodStart: stats.moodStart,
    moodEnd: stats.moodEnd,
    firstAudioMeanMs: mean(stats.firstAudioMs),
    firstAudioP50Ms: percentile(stats.firstAudioMs, 50),
    firstAudioP95Ms: percentile(stats.firstAudioMs, 95),
  };
}
