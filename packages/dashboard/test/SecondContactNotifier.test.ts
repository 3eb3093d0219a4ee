/**
 * The second contact is told through a real HTTP webhook (a local server here) when an alert
 * escalates: retried with backoff until delivered, each attempt recorded and logged, once per
 * alert, cancelled by an acknowledgement, and carried on after a restart. End to end, a robot's
 * escalated alert on aedes reaches the webhook through the dashboard.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SecondContactNotifier } from '../src/notify/SecondContactNotifier.js';
import { postJson } from '../src/notify/postJson.js';
import { MemoryDashboardStore } from '../src/store/MemoryDashboardStore.js';
import type { AlertView, DashboardSnapshot } from '../src/store/DashboardStore.js';
import { systemTimers } from '@hearth/graph';
import { CapturingLogger, FakeRobotPublisher, eventually } from './support/FakeRobotPublisher.js';
import { WebhookReceiver } from './support/WebhookReceiver.js';
import { alert } from './support/storeContract.js';
import { http } from './support/http.js';
import { login } from './support/login.js';
import { startTestDashboard } from './support/testDashboard.js';

describe('SecondContactNotifier', () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterAll(() => receiver.close());

  const setup = async (maxAttempts = 4) => {
    const store = new MemoryDashboardStore();
    const logger = new CapturingLogger();
    const changes: AlertView[] = [];
    await store.putSettings({
      retentionDays: 30,
      secondContact: { name: 'Dana', webhookUrl: receiver.url() },
    });
    const notifier = new SecondContactNotifier({
      store,
      logger,
      timers: systemTimers(),
      now: Date.now,
      onChange: (a) => changes.push(a),
      maxAttempts,
      baseDelayMs: 20,
      dashboardUrl: 'http://care.example/',
    });
    return { store, logger, changes, notifier };
  };

  it('retries with backoff until delivered, records and logs each attempt, and notifies once', async () => {
    receiver.received.length = 0;
    receiver.answers.push(500, 503);
    const { store, logger, changes, notifier } = await setup();
    const escalated = (await store.applyAlert(alert('escalated', 2)))!.alert!;
    await notifier.escalated(escalated);
    const done = await eventually(async () => {
      const n = (await store.alert('r1', 'a1'))?.notification;
      return n?.state === 'delivered' ? n : undefined;
    });
    expect(done.contact).toBe('Dana');
    expect(done.deliveries.map((d) => [d.attempt, d.ok, d.detail])).toEqual([
      [1, false, 'HTTP 500'],
      [2, false, 'HTTP 503'],
      [3, true, 'HTTP 200'],
    ]);
    // Backoff: 20 ms, then 40 ms between attempts.
    const times = done.deliveries.map((d) => Date.parse(d.at));
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(15);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(35);
    expect(receiver.received).toHaveLength(3);
    const { body, contentType, path } = receiver.received[2]!;
    expect([path, contentType]).toEqual(['/hook', 'application/json']);
    expect(body).toMatchObject({
      schema: 1,
      type: 'alert.escalated',
      robot: 'r1',
      alertId: 'a1',
      level: 'high',
      category: 'self_harm',
      contact: 'Dana',
      dashboardUrl: 'http://care.example/',
    });
    expect((body as { text: string }).text).toMatch(
      /^Hearth: robot r1 raised a high risk \(self harm\) alert .* Dana, please check on the person now\./,
    );
    // What the robot said stays out of the message.
    expect(JSON.stringify(body)).not.toContain('I am here with you');
    expect(logger.lines.map((l) => [l.level, l.message])).toEqual([
      ['warn', 'could not notify the second contact; retrying'],
      ['warn', 'could not notify the second contact; retrying'],
      ['info', 'second contact notified'],
    ]);
    expect(changes.at(-1)?.notification?.state).toBe('delivered');
    // The robot re-sends the escalated alert: nobody is told twice.
    await notifier.escalated(escalated);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receiver.received).toHaveLength(3);
    notifier.dispose();
  });

  it('gives up after the last attempt, saying so', async () => {
    receiver.received.length = 0;
    receiver.answers.push(500, 500);
    const { store, logger, notifier } = await setup(2);
    await notifier.escalated((await store.applyAlert(alert('escalated', 2)))!.alert!);
    const failed = await eventually(async () => {
      const n = (await store.alert('r1', 'a1'))?.notification;
      return n?.state === 'failed' ? n : undefined;
    });
    expect(failed.deliveries).toHaveLength(2);
    expect(logger.lines.at(-1)).toMatchObject({
      level: 'error',
      message: 'could not notify the second contact; giving up',
    });
    notifier.dispose();
  });

  it('stops retrying once a caregiver acknowledges, and says when nobody is configured', async () => {
    receiver.received.length = 0;
    receiver.answers.push(500);
    const { store, notifier } = await setup();
    await notifier.escalated((await store.applyAlert(alert('escalated', 2)))!.alert!);
    await store.applyAlert(alert('acknowledged', 3));
    const cancelled = await eventually(async () => {
      const n = (await store.alert('r1', 'a1'))?.notification;
      return n?.state === 'cancelled' ? n : undefined;
    });
    expect(cancelled.deliveries).toHaveLength(1);
    expect(receiver.received).toHaveLength(1);

    await store.putSettings({ retentionDays: 30, secondContact: null });
    await notifier.escalated((await store.applyAlert(alert('escalated', 2, 'a2')))!.alert!);
    expect((await store.alert('r1', 'a2'))?.notification).toMatchObject({
      state: 'unconfigured',
      contact: '',
    });
    notifier.dispose();
  });

  it('carries on after a restart with a notice still sending', async () => {
    receiver.received.length = 0;
    receiver.answers.push(500);
    const first = await setup();
    await first.notifier.escalated((await first.store.applyAlert(alert('escalated', 2)))!.alert!);
    await eventually(() => (receiver.received.length === 1 ? true : undefined));
    // The dashboard stops before the retry.
    first.notifier.dispose();
    const second = new SecondContactNotifier({
      store: first.store,
      logger: first.logger,
      timers: systemTimers(),
      now: Date.now,
      onChange: () => undefined,
    });
    await second.resume();
    const n = (await first.store.alert('r1', 'a1'))?.notification;
    expect(n?.state).toBe('delivered');
    expect(n?.deliveries.map((d) => d.attempt)).toEqual([1, 2]);
    second.dispose();
  });

  it('reports a refused connection without throwing', async () => {
    const closed = await WebhookReceiver.start();
    const url = closed.url();
    await closed.close();
    expect(await postJson(url, {}, 1000)).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/ECONNREFUSED/),
    });
  });
});

describe('second contact through the dashboard', () => {
  it("notifies when a robot's alert escalates, and the page data shows who and when", async () => {
    const receiver = await WebhookReceiver.start();
    const started = await startTestDashboard([
      { name: 'carol', password: 'carol password 1', role: 'caregiver' },
    ]);
    const { dashboard } = started;
    // Read when an alert escalates, so it may be set after the start.
    await started.store.putSettings({
      retentionDays: 30,
      secondContact: { name: 'Dana', webhookUrl: receiver.url('/escalations') },
    });
    const robot = await FakeRobotPublisher.connect(started.broker.url, 'hall-robot');
    try {
      const raisedAt = new Date().toISOString();
      const base = {
        alertId: 'esc-1',
        sessionId: 's1',
        level: 'imminent',
        category: 'self_harm',
        reasons: [],
        message: '',
        raisedAt,
        escalateAt: raisedAt,
        resends: 0,
        acknowledgedBy: '',
      };
      await robot.alert({ ...base, status: 'open', contact: 'primary' });
      await robot.alert({ ...base, status: 'escalated', contact: 'secondary', resends: 1 });
      const post = await eventually(() => receiver.received[0]);
      expect(post.path).toBe('/escalations');
      expect(post.body).toMatchObject({ robot: 'hall-robot', alertId: 'esc-1', contact: 'Dana' });
      const carol = await login(dashboard.url, 'carol', 'carol password 1');
      const shown = await eventually(async () => {
        const { snapshot } = (
          await http('GET', new URL('/api/snapshot', dashboard.url), undefined, carol)
        ).json<{ snapshot: DashboardSnapshot }>();
        const n = snapshot.alerts?.find((a) => a.alertId === 'esc-1')?.notification;
        return n?.state === 'delivered' ? n : undefined;
      });
      expect(shown).toMatchObject({ contact: 'Dana', deliveries: [{ attempt: 1, ok: true }] });
    } finally {
      await robot.clear();
      await robot.close();
      await started.close();
      await receiver.close();
    }
  });
});
