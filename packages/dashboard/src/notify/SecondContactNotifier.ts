/**
 * Tells the second contact when an alert escalates (the robot marks it `escalated` once nobody
 * acknowledged it in time): a JSON POST to the webhook the admin configured, retried with
 * exponential backoff until it is delivered, the attempts run out, or a caregiver acknowledges
 * the alert. Each attempt is recorded in the store (the page shows who was told and when) and
 * logged. An alert is notified once: the store remembers, across restarts, that it was started,
 * and `resume()` carries on with those still sending.
 *
 * The body carries no words of the person: robot, level, category and times, and a `text` line
 * that chat tools' incoming webhooks (Slack, Mattermost, ntfy) display as it is.
 */
import type { DashboardLogger } from '../DashboardLogger.js';
import type { AlertView, DashboardStore, SecondContact } from '../store/DashboardStore.js';
import type { TimerHandle, Timers } from '@hearth/graph';
import { postJson, type PostJson, type PostOutcome } from './postJson.js';

export interface SecondContactNotifierOptions {
  readonly store: DashboardStore;
  readonly logger: DashboardLogger;
  readonly timers: Timers;
  readonly now: () => number;
  /** Called after each attempt and outcome, so the page can show it live. */
  readonly onChange: (alert: AlertView) => void;
  /** Default 8 (about 4 minutes of retries with the default delays). */
  readonly maxAttempts?: number;
  /** Wait after the first failure, doubled each time; default 2 s, at most `maxDelayMs` (60 s). */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Per attempt; default 10 s. */
  readonly timeoutMs?: number;
  /** The page's address, put in the message so the contact can open it. */
  readonly dashboardUrl?: string;
  readonly post?: PostJson;
}

/** What the webhook receives. */
export interface EscalationNotice {
  readonly schema: 1;
  readonly type: 'alert.escalated';
  readonly robot: string;
  readonly alertId: string;
  readonly level: string;
  readonly category: string;
  readonly raisedAt: string;
  readonly escalatedAt: string;
  readonly contact: string;
  readonly dashboardUrl: string | null;
  readonly text: string;
}

export class SecondContactNotifier {
  private readonly timers = new Set<TimerHandle>();
  private disposed = false;

  constructor(private readonly options: SecondContactNotifierOptions) {}

  /** Starts notifying about an escalated alert, unless that was done before. */
  async escalated(alert: AlertView): Promise<void> {
    const { store, logger, now } = this.options;
    if (alert.status !== 'escalated' || this.disposed) return;
    const { secondContact } = await store.settings();
    const started = await store.startNotification(
      alert.robot,
      alert.alertId,
      secondContact,
      new Date(now()).toISOString(),
    );
    if (!started) return;
    if (!secondContact) {
      logger.warn('alert escalated, but no second contact is configured (admin: Settings)', {
        robot: alert.robot,
        alertId: alert.alertId,
      });
      await this.changed(alert.robot, alert.alertId);
      return;
    }
    await this.attempt(alert.robot, alert.alertId, secondContact, 1);
  }

  /** Sends a test message to `contact` now, once, so an admin can check the webhook works. */
  async sendTest(contact: SecondContact): Promise<PostOutcome> {
    const post = this.options.post ?? postJson;
    const outcome = await post(
      contact.webhookUrl,
      {
        schema: 1,
        type: 'test',
        contact: contact.name,
        dashboardUrl: this.options.dashboardUrl ?? null,
        text: `Hearth: a test message for ${contact.name}. When a robot's alert is not acknowledged in time, you will be told here.`,
      },
      this.options.timeoutMs ?? 10_000,
    );
    this.options.logger.info('second contact test message', {
      contact: contact.name,
      ok: outcome.ok,
      detail: outcome.detail,
    });
    return outcome;
  }

  /** Carries on with notifications a previous run left sending. */
  async resume(): Promise<void> {
    for (const pending of await this.options.store.pendingNotifications())
      await this.attempt(pending.robot, pending.alertId, pending.contact, pending.attempts + 1);
  }

  /** Stops pending retries (a later `resume()` picks them up). */
  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers) this.options.timers.clearTimeout(timer);
    this.timers.clear();
  }

  private async attempt(
    robot: string,
    alertId: string,
    contact: SecondContact,
    attempt: number,
  ): Promise<void> {
    const { store, logger, now } = this.options;
    if (this.disposed) return;
    const alert = await store.alert(robot, alertId);
    if (!alert || alert.status === 'acknowledged') {
      await store.finishNotification(robot, alertId, 'cancelled', new Date(now()).toISOString());
      logger.info('second contact not notified: the alert was acknowledged first', {
        robot,
        alertId,
      });
      await this.changed(robot, alertId);
      return;
    }
    const post = this.options.post ?? postJson;
    const outcome = await post(
      contact.webhookUrl,
      this.notice(alert, contact),
      this.options.timeoutMs ?? 10_000,
    );
    const at = new Date(now()).toISOString();
    await store.recordDelivery({
      robot,
      alertId,
      attempt,
      at,
      ok: outcome.ok,
      detail: outcome.detail,
    });
    const fields = { robot, alertId, contact: contact.name, attempt, detail: outcome.detail };
    const maxAttempts = this.options.maxAttempts ?? 8;
    if (outcome.ok) {
      await store.finishNotification(robot, alertId, 'delivered', at);
      logger.info('second contact notified', fields);
    } else if (attempt >= maxAttempts) {
      await store.finishNotification(robot, alertId, 'failed', at);
      logger.error('could not notify the second contact; giving up', fields);
    } else {
      logger.warn('could not notify the second contact; retrying', fields);
      const delay = Math.min(
        this.options.maxDelayMs ?? 60_000,
        (this.options.baseDelayMs ?? 2000) * 2 ** (attempt - 1),
      );
      const timer = this.options.timers.setTimeout(() => {
        this.timers.delete(timer);
        void this.attempt(robot, alertId, contact, attempt + 1).catch((error: unknown) =>
          logger.error('second contact notification failed', {
            ...fields,
            error: (error as Error).message,
          }),
        );
      }, delay);
      this.timers.add(timer);
    }
    await this.changed(robot, alertId);
  }

  private notice(alert: AlertView, contact: SecondContact): EscalationNotice {
    const what = alert.category
      ? `${alert.level} risk (${alert.category.replace(/_/g, ' ')})`
      : `${alert.level} risk`;
    const link = this.options.dashboardUrl
      ? ` Open the care dashboard: ${this.options.dashboardUrl}`
      : '';
    return {
      schema: 1,
      type: 'alert.escalated',
      robot: alert.robot,
      alertId: alert.alertId,
      level: alert.level,
      category: alert.category,
      raisedAt: alert.raisedAt,
      escalatedAt: alert.escalateAt,
      contact: contact.name,
      dashboardUrl: this.options.dashboardUrl ?? null,
      text:
        `Hearth: robot ${alert.robot} raised a ${what} alert at ${alert.raisedAt} and no caregiver ` +
        `has acknowledged it. ${contact.name}, please check on the person now.${link}`,
    };
  }

  private async changed(robot: string, alertId: string): Promise<void> {
    const alert = await this.options.store.alert(robot, alertId);
    if (alert) this.options.onChange(alert);
  }
}
