/** Retention with a fake clock and fake timers: a purge at start, then one a day. */
import { describe, expect, it } from '@jest/globals';
import { RetentionJob, DAY_MS } from '../src/retention/RetentionJob.js';
import { MemoryDashboardStore } from '../src/store/MemoryDashboardStore.js';
import { CapturingLogger } from './support/FakeRobotPublisher.js';
import { alert, turnEvent } from './support/storeContract.js';
import { ManualTimers } from '../../../tests/support/ManualTimers.js';

const at = (day: number) => Date.UTC(2025, 0, day, 12);
const flush = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('RetentionJob', () => {
  it('purges at start and daily with the current setting, keeping unacknowledged alerts', async () => {
    const store = new MemoryDashboardStore();
    await store.putSettings({ retentionDays: 30, secondContact: null });
    const event = (id: string, day: number) =>
      turnEvent(id, 2, undefined, new Date(at(day)).toISOString());
    await store.applySessionEvent(event('jan-1', 1));
    await store.applySessionEvent(event('jan-20', 20));
    await store.applyAlert(alert('open', 0, 'open-1', 1));
    await store.applyAlert(alert('open', 0, 'acked-1', 1));
    await store.applyAlert(alert('acknowledged', 1, 'acked-1', 1));
    await store.putLogin({ tokenHash: 'h', userName: 'x', createdAt: '', expiresAt: at(1) });

    let now = at(35);
    const timers = new ManualTimers();
    const logger = new CapturingLogger();
    const job = new RetentionJob({ store, logger, timers, now: () => now });
    expect(await job.start()).toEqual({ events: 1, sessions: 1, mood: 0, alerts: 1 });
    expect(await store.findLogin('h')).toBeUndefined();
    let sessions = (await store.snapshot()).sessions.map((s) => s.sessionId);
    expect(sessions).toEqual(['jan-20']);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ level: 'info', message: 'dashboard retention purge' }),
    );

    // A day later (fake), with a shorter setting: the next run uses it.
    await store.putSettings({ retentionDays: 7, secondContact: null });
    now = at(36);
    expect(timers.delays()).toEqual([DAY_MS]);
    timers.fireAll();
    await flush();
    sessions = (await store.snapshot()).sessions.map((s) => s.sessionId);
    expect(sessions).toEqual([]);
    // The alert nobody acknowledged is still there, 35 days on.
    expect((await store.snapshot()).alerts?.map((a) => a.alertId)).toEqual(['open-1']);
    // And the job keeps its daily schedule until disposed.
    expect(timers.pendingCount).toBe(1);
    job.dispose();
    expect(timers.pendingCount).toBe(0);
  });

  it('logs a failing store and tries again the next day', async () => {
    const store = new MemoryDashboardStore();
    store.purgeBefore = () => Promise.reject(new Error('disk full'));
    const timers = new ManualTimers();
    const logger = new CapturingLogger();
    const job = new RetentionJob({ store, logger, timers, now: () => at(2) });
    expect(await job.start()).toBeUndefined();
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ level: 'error', fields: { error: 'disk full' } }),
    );
    expect(timers.pendingCount).toBe(1);
    job.dispose();
  });
});
