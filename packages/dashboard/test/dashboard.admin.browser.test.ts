/**
 * The admin and the caregiver in Debian's chromium, against aedes and a local webhook receiver:
 * a throttled login says how long to wait; the admin manages accounts and settings from the page;
 * the history shows each conversation's summary and finds it by mood; an escalated alert shows who
 * was notified and when; a caregiver sees no admin controls and only their robots.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { Dashboard } from '../src/startDashboard.js';
import type { MemoryDashboardStore } from '../src/store/MemoryDashboardStore.js';
import { checkLogin } from '../src/auth/users.js';
import { FakeRobotPublisher, eventually, sharedTurn } from './support/FakeRobotPublisher.js';
import { launchChromium } from '../../../tests/support/browser.js';
import { WebhookReceiver } from './support/WebhookReceiver.js';
import { SUMMARY } from './support/storeContract.js';
import { logInOnPage } from './support/login.js';
import { startTestDashboard, type TestDashboard } from './support/testDashboard.js';

describe('admin and caregiver in the browser', () => {
  let browser: Browser;
  let started: TestDashboard;
  let dashboard: Dashboard;
  let receiver: WebhookReceiver;
  let hall: FakeRobotPublisher;
  let garden: FakeRobotPublisher;
  let page: Page;
  let store: MemoryDashboardStore;

  beforeAll(async () => {
    browser = await launchChromium();
    receiver = await WebhookReceiver.start();
    started = await startTestDashboard(
      [
        { name: 'ada', password: 'admin password 1', role: 'admin' },
        { name: 'carol', password: 'carol password 1', role: 'caregiver', robots: ['hall-robot'] },
      ],
      { loginThrottle: { freeFailuresPerName: 1, baseDelayMs: 2000 } },
    );
    ({ dashboard, store } = started);
    hall = await FakeRobotPublisher.connect(started.broker.url, 'hall-robot');
    garden = await FakeRobotPublisher.connect(started.broker.url, 'garden-robot');
    await hall.status('online');
    await garden.status('online');
    page = await browser.newPage();
  });
  afterAll(async () => {
    await page.screenshot({ path: '/tmp/hearth-dashboard-admin.png', fullPage: true });
    await browser.close();
    for (const robot of [hall, garden]) {
      await robot.clear();
      await robot.close();
    }
    await started.close();
    await receiver.close();
  });

  it('tells a person who failed too often how long to wait', async () => {
    await page.goto(dashboard.url);
    await page.locator('#login').waitFor({ state: 'visible' });
    await logInOnPage(page, 'ada', 'not the password');
    await page.locator('#login-error', { hasText: 'do not match' }).waitFor();
    await logInOnPage(page, 'ada', 'still not it');
    await page.locator('#login-error', { hasText: 'do not match' }).waitFor();
    await logInOnPage(page, 'ada', 'admin password 1');
    await page
      .locator('#login-error', { hasText: /Too many failed logins\. .*wait 2 seconds/ })
      .waitFor();
    expect(await page.locator('#login-submit').isDisabled()).toBe(true);
    await page.locator('#login-error', { hasText: 'You can try again now.' }).waitFor();
    await page.click('#login button[type=submit]');
    await page.locator('#robots').waitFor({ state: 'visible' });
    expect(await page.locator('#who-name').textContent()).toBe('ada (admin)');
  });

  it('lets the admin manage accounts and settings from the page', async () => {
    const admin = page.locator('#admin');
    await admin.waitFor({ state: 'visible' });
    await admin.locator('tr[data-user="carol"]').waitFor();
    expect(await admin.locator('tr[data-user="carol"] .user-robots').inputValue()).toBe(
      'hall-robot',
    );

    await page.fill('#new-name', 'dan');
    await page.fill('#new-password', 'dan password 12');
    await page.fill('#new-robots', 'garden-robot, hall-robot');
    await page.click('#add-user button[type=submit]');
    await admin.locator('#admin-status', { hasText: 'Added dan.' }).waitFor();
    const dan = admin.locator('tr[data-user="dan"]');
    await dan.waitFor();
    expect(await store.findUser('dan')).toMatchObject({
      role: 'caregiver',
      robots: ['garden-robot', 'hall-robot'],
    });

    await dan.locator('button.toggle-user').click();
    await admin.locator('tr[data-user="dan"][data-disabled="true"]').waitFor();
    expect((await store.findUser('dan'))?.disabled).toBe(true);

    await dan.locator('.reset-password input').fill('another secret 1');
    await dan.locator('.reset-password button').click();
    await admin.locator('#admin-status', { hasText: 'Password of dan reset' }).waitFor();
    await store.updateUser('dan', { disabled: false });
    expect(await checkLogin(store, 'dan', 'another secret 1')).toBeDefined();

    await page.fill('#new-name', 'eve');
    await page.fill('#new-password', 'short');
    await page.click('#add-user button[type=submit]');
    await admin
      .locator('#admin-status[data-ok="false"]', { hasText: 'at least 10 characters' })
      .waitFor();

    await page.fill('#retention-days', '30');
    await page.fill('#contact-name', 'Dana (daughter)');
    await page.fill('#contact-url', receiver.url('/dana'));
    await page.click('#settings button[type=submit]');
    await admin.locator('#admin-status', { hasText: 'Settings saved.' }).waitFor();
    expect(await store.settings()).toEqual({
      retentionDays: 30,
      secondContact: { name: 'Dana (daughter)', webhookUrl: receiver.url('/dana') },
    });
  });

  it('shows each conversation’s summary in the history, found by mood too', async () => {
    await hall.sessionStart('talk-1');
    await hall.turn('talk-1', sharedTurn(1, 'I feel low today.', 'I am sorry to hear that.'));
    await hall.sessionEnd('talk-1', 1);
    await hall.summary('talk-1', SUMMARY);
    await eventually(async () =>
      (await store.searchSessions('talk-1', 1))[0]?.summary ? true : undefined,
    );
    await page.fill('#history-q', 'NEUTRAL');
    await page.click('#history-form button[type=submit]');
    const item = page.locator('#history-list li[data-session="talk-1"]');
    await item.waitFor();
    expect(await item.locator('.session-summary').textContent()).toBe(
      '5 min 12 s · 6 turns · 1 interruption · no alerts · mood sadness → neutral · ' +
        'first words after 820 ms on average (median 760 ms, slowest 5% 1.4 s) · ended by goodbye',
    );
    expect(await item.locator('summary').textContent()).toMatch(/^hall-robot · .* · 1 turn$/);
  });

  it('shows on the alert who was notified and when', async () => {
    const raisedAt = new Date().toISOString();
    const base = {
      alertId: 'hall-alert',
      sessionId: 'talk-2',
      level: 'high',
      category: 'self_harm',
      reasons: [],
      message: 'I am here with you.',
      raisedAt,
      escalateAt: raisedAt,
      resends: 0,
      acknowledgedBy: '',
    };
    await hall.alert({ ...base, status: 'open', contact: 'primary' });
    const item = page.locator('.alert-item[data-alert-id="hall-alert"]');
    await item.waitFor();
    await hall.alert({ ...base, status: 'escalated', contact: 'secondary', resends: 1 });
    await item
      .locator('.notified[data-state="delivered"]', {
        hasText: /^Second contact Dana \(daughter\) notified at \d\d:\d\d/,
      })
      .waitFor();
    expect(await item.locator('.countdown').textContent()).toBe('Escalated to the second contact');
    expect(receiver.received).toMatchObject([
      { path: '/dana', body: { robot: 'hall-robot', alertId: 'hall-alert' } },
    ]);
  });

  it('shows a caregiver no admin controls, and only their robots', async () => {
    const context = await browser.newContext();
    const carol = await context.newPage();
    try {
      await carol.goto(dashboard.url);
      await carol.locator('#login').waitFor({ state: 'visible' });
      await logInOnPage(carol, 'carol', 'carol password 1');
      await carol.locator('section.robot[data-robot="hall-robot"]').waitFor();
      expect(await carol.locator('#who-name').textContent()).toBe('carol (caregiver)');
      expect(await carol.locator('#admin').isHidden()).toBe(true);
      expect(await carol.locator('#users-body tr').count()).toBe(0);
      expect(await carol.locator('section.robot').count()).toBe(1);
      // The alert about her robot is in front of her too.
      await carol.locator('.alert-item[data-alert-id="hall-alert"] .notified').waitFor();
    } finally {
      await context.close();
    }
  });
});
