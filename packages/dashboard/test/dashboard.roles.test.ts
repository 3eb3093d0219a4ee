/**
 * Roles over HTTP: an admin manages accounts (add, disable, reset a password, assign robots) and
 * settings; a caregiver watches, acknowledges and commands the robots assigned to them, and gets
 * 403 from every admin route.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Dashboard } from '../src/startDashboard.js';
import type { MemoryDashboardStore } from '../src/store/MemoryDashboardStore.js';
import type { DashboardSnapshot, UserView } from '../src/store/DashboardStore.js';
import { FakeRobotPublisher, eventually } from './support/FakeRobotPublisher.js';
import { http } from './support/http.js';
import { errorOf, login } from './support/login.js';
import { WebhookReceiver } from './support/WebhookReceiver.js';
import { turnEvent } from './support/storeContract.js';
import { startTestDashboard, type TestDashboard } from './support/testDashboard.js';

describe('dashboard roles', () => {
  let started: TestDashboard;
  let dashboard: Dashboard;
  let robots: FakeRobotPublisher[];
  let store: MemoryDashboardStore;
  let admin: Record<string, string>;

  beforeAll(async () => {
    started = await startTestDashboard([
      { name: 'ada', password: 'admin password 1', role: 'admin' },
      { name: 'carol', password: 'carol password 1', role: 'caregiver', robots: ['kitchen-robot'] },
    ]);
    ({ dashboard, store } = started);
    robots = await Promise.all(
      ['kitchen-robot', 'garden-robot'].map((id) =>
        FakeRobotPublisher.connect(started.broker.url, id),
      ),
    );
    for (const robot of robots) await robot.status('online');
    admin = await login(dashboard.url, 'ada', 'admin password 1');
    await eventually(async () => {
      const { snapshot } = (await http('GET', api('/api/snapshot'), undefined, admin)).json<{
        snapshot: DashboardSnapshot;
      }>();
      return snapshot.robots.length === 2 ? true : undefined;
    });
  });
  afterAll(async () => {
    for (const robot of robots) {
      await robot.clear();
      await robot.close();
    }
    await started.close();
  });

  const api = (path: string) => new URL(path, dashboard.url);
  const robotsSeenBy = async (who: Record<string, string>) =>
    (await http('GET', api('/api/snapshot'), undefined, who))
      .json<{ snapshot: DashboardSnapshot }>()
      .snapshot.robots.map((r) => r.robot);

  it('gives a caregiver 403 on every admin route, and lets them work with their robots', async () => {
    const carol = await login(dashboard.url, 'carol', 'carol password 1');
    const refused = [
      await http('GET', api('/api/users'), undefined, carol),
      await http('POST', api('/api/users'), { name: 'x', password: 'y', role: 'admin' }, carol),
      await http('PATCH', api('/api/users/ada'), { disabled: true }, carol),
      await http('POST', api('/api/users/ada/password'), { password: 'taken over!!' }, carol),
      await http('GET', api('/api/settings'), undefined, carol),
      await http('PUT', api('/api/settings'), { retentionDays: 1, secondContact: null }, carol),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(errorOf(refused[0]!)).toBe('only an admin may do this; carol is a caregiver');
    // Nothing changed.
    expect((await store.findUser('ada'))?.disabled).toBe(false);
    expect((await store.settings()).retentionDays).toBe(365);

    expect(await robotsSeenBy(carol)).toEqual(['kitchen-robot']);
    expect(await robotsSeenBy(admin)).toEqual(['garden-robot', 'kitchen-robot']);
    const pause = (robot: string) =>
      http('POST', api(`/api/robots/${robot}/commands/pause`), {}, carol);
    expect((await pause('kitchen-robot')).status).toBe(202);
    expect((await pause('garden-robot')).status).toBe(403);
    const ack = await http(
      'POST',
      api('/api/robots/kitchen-robot/commands/ack-alert'),
      { alertId: 'a1' },
      carol,
    );
    expect(ack.status).toBe(202);
    // Quiet hours only for her robots, and the card of the other robot never learns them.
    const quiet = (robot: string) =>
      http(
        'POST',
        api(`/api/robots/${robot}/commands/quiet-hours`),
        { start: '21:30', end: '07:00' },
        carol,
      );
    expect((await quiet('kitchen-robot')).status).toBe(202);
    expect((await quiet('garden-robot')).status).toBe(403);
    expect((await store.robot('kitchen-robot')).quietHours).toMatchObject({
      start: '21:30',
      end: '07:00',
      setBy: 'carol',
    });
    expect((await store.robot('garden-robot')).quietHours ?? null).toBeNull();
    expect((await http('GET', api('/api/robots/garden-robot/mood'), undefined, carol)).status).toBe(
      403,
    );
    expect((await http('GET', api('/api/auth'), undefined, carol)).json()).toEqual({
      mode: 'login',
      user: { name: 'carol', role: 'caregiver', robots: ['kitchen-robot'] },
    });
  });

  it('lets an admin add a user, assign robots, disable them and reset a password', async () => {
    const add = await http(
      'POST',
      api('/api/users'),
      { name: 'dan', password: 'dan password 12', role: 'caregiver', robots: ['garden-robot'] },
      admin,
    );
    expect(add.status).toBe(201);
    expect(add.json<{ user: UserView }>().user).toMatchObject({
      name: 'dan',
      role: 'caregiver',
      disabled: false,
      robots: ['garden-robot'],
    });
    expect(add.text).not.toMatch(/passwordHash|scrypt/);
    const again = await http(
      'POST',
      api('/api/users'),
      { name: 'dan', password: 'dan password 12', role: 'admin' },
      admin,
    );
    expect(again.status).toBe(409);
    const short = await http(
      'POST',
      api('/api/users'),
      { name: 'eve', password: 'short', role: 'caregiver' },
      admin,
    );
    expect([short.status, errorOf(short)]).toEqual([
      400,
      'a password needs at least 10 characters',
    ]);

    let dan = await login(dashboard.url, 'dan', 'dan password 12');
    expect(await robotsSeenBy(dan)).toEqual(['garden-robot']);
    // Assigning robots applies to an open login at once.
    const assign = await http(
      'PATCH',
      api('/api/users/dan'),
      { robots: ['garden-robot', 'kitchen-robot'] },
      admin,
    );
    expect(assign.status).toBe(200);
    expect(await robotsSeenBy(dan)).toEqual(['garden-robot', 'kitchen-robot']);

    // Disabling ends the login and refuses new ones.
    expect((await http('PATCH', api('/api/users/dan'), { disabled: true }, admin)).status).toBe(
      200,
    );
    expect((await http('GET', api('/api/snapshot'), undefined, dan)).status).toBe(401);
    expect(
      (await http('POST', api('/api/login'), { name: 'dan', password: 'dan password 12' })).status,
    ).toBe(401);
    await http('PATCH', api('/api/users/dan'), { disabled: false }, admin);
    dan = await login(dashboard.url, 'dan', 'dan password 12');

    // A reset password ends the old logins; only the new password works.
    const reset = await http(
      'POST',
      api('/api/users/dan/password'),
      { password: 'brand new secret' },
      admin,
    );
    expect(reset.status).toBe(204);
    expect((await http('GET', api('/api/snapshot'), undefined, dan)).status).toBe(401);
    expect(
      (await http('POST', api('/api/login'), { name: 'dan', password: 'dan password 12' })).status,
    ).toBe(401);
    await login(dashboard.url, 'dan', 'brand new secret');

    const users = (await http('GET', api('/api/users'), undefined, admin)).json<{
      users: UserView[];
    }>().users;
    expect(users.map((u) => [u.name, u.role])).toEqual([
      ['ada', 'admin'],
      ['carol', 'caregiver'],
      ['dan', 'caregiver'],
    ]);
    expect(JSON.stringify(users)).not.toMatch(/scrypt/);
    expect((await http('PATCH', api('/api/users/nobody'), { disabled: true }, admin)).status).toBe(
      404,
    );
    expect((await http('PATCH', api('/api/users/dan'), { role: 'boss' }, admin)).status).toBe(400);
  });

  it('keeps one enabled admin', async () => {
    const demote = await http('PATCH', api('/api/users/ada'), { role: 'caregiver' }, admin);
    expect(demote.status).toBe(409);
    expect(errorOf(demote)).toMatch(/one enabled admin; make another admin first/);
    expect((await http('PATCH', api('/api/users/ada'), { disabled: true }, admin)).status).toBe(
      409,
    );
  });

  it('lets an admin change settings, validated', async () => {
    const good = {
      retentionDays: 90,
      secondContact: { name: 'Dana (daughter)', webhookUrl: 'https://example.org/hook' },
    };
    expect((await http('PUT', api('/api/settings'), good, admin)).status).toBe(200);
    expect((await http('GET', api('/api/settings'), undefined, admin)).json()).toEqual({
      settings: good,
    });
    const bad = await http(
      'PUT',
      api('/api/settings'),
      { retentionDays: 0, secondContact: { name: 'x', webhookUrl: 'ftp://example.org' } },
      admin,
    );
    expect(bad.status).toBe(400);
    expect(bad.json<{ issues: string[] }>().issues).toEqual([
      expect.stringMatching(/^retentionDays:/),
      expect.stringMatching(/^secondContact\.webhookUrl:/),
    ]);
    expect(await store.settings()).toEqual(good);
  });

  it('sends the second contact a test message on request', async () => {
    const receiver = await WebhookReceiver.start();
    try {
      const contact = { name: 'Dana', webhookUrl: receiver.url('/test') };
      await http('PUT', api('/api/settings'), { retentionDays: 90, secondContact: contact }, admin);
      const sent = await http('POST', api('/api/settings/test-notification'), {}, admin);
      expect(sent.json()).toEqual({ ok: true, detail: 'HTTP 200' });
      expect(receiver.received).toMatchObject([
        { path: '/test', body: { type: 'test', contact: 'Dana' } },
      ]);
      receiver.answers.push(404);
      expect(
        (await http('POST', api('/api/settings/test-notification'), {}, admin)).json(),
      ).toEqual({ ok: false, detail: 'HTTP 404' });
      await http('PUT', api('/api/settings'), { retentionDays: 90, secondContact: null }, admin);
      expect((await http('POST', api('/api/settings/test-notification'), {}, admin)).status).toBe(
        409,
      );
    } finally {
      await receiver.close();
    }
  });

  it('purges at once when the admin shortens the retention', async () => {
    const old = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000).toISOString();
    await store.applySessionEvent(turnEvent('long-ago', 2, undefined, old));
    expect(await store.searchSessions('long-ago', 1)).toHaveLength(1);
    const put = await http(
      'PUT',
      api('/api/settings'),
      { retentionDays: 30, secondContact: null },
      admin,
    );
    expect(put.status).toBe(200);
    expect(await store.searchSessions('long-ago', 1)).toHaveLength(0);
  });
});
