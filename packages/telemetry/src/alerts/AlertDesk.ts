/**
 * Keeps the robot's open safety alerts and decides what to send about them: the alert when it is
 * raised, again every `resendMs` while nobody has acknowledged it (a dashboard may have been
 * closed, a phone asleep), escalated to the second contact after `escalateAfterMs`, and once more
 * when acknowledged. Each alert has its own retained topic (`alerts/<alertId>`), retained while it
 * is open, so a dashboard that connects late sees every open alert at once; an acknowledged one's
 * retained message is cleared. No I/O: `send`
 * does it, and `onChange` is told the open list after every change so it can be kept on disk;
 * `restore` picks that list up after a restart. An open alert is only ever closed by an
 * acknowledgement: retention never forgets one (docs/mqtt.md promises alerts are never dropped).
 */
import type { SafetyAlert } from '@hearth/interfaces';
import { SCHEMA_VERSION, type AlertPayload } from '../schemas.js';
import type { TimerHandle, Timers } from '@hearth/graph';

export interface AlertSend {
  /** Whose topic (`alerts/<alertId>`) it goes to. */
  readonly alertId: string;
  /** The alert, or null to clear its retained message. */
  readonly payload: AlertPayload | null;
  readonly retain: boolean;
}

export interface AlertDeskOptions {
  readonly robot: string;
  readonly resendMs: number;
  readonly escalateAfterMs: number;
  readonly timers: Timers;
  readonly nowMs: () => number;
  readonly send: (message: AlertSend) => void;
  /** Told the open alerts (oldest first) after every change: raise, re-send, escalate, ack. */
  readonly onChange?: (open: readonly AlertPayload[]) => void;
}

interface OpenAlert {
  payload: AlertPayload;
  resendTimer: TimerHandle | undefined;
  escalateTimer: TimerHandle | undefined;
}

export class AlertDesk {
  /** Open alerts in the order raised: the last is the newest. */
  private readonly open = new Map<string, OpenAlert>();

  constructor(private readonly options: AlertDeskOptions) {}

  /** Alerts not yet acknowledged, oldest first. */
  get openAlerts(): readonly AlertPayload[] {
    return [...this.open.values()].map((a) => a.payload);
  }

  raise(alert: SafetyAlert, raisedAtMs: number): void {
    if (this.open.has(alert.alert_id)) return;
    const payload: AlertPayload = {
      schema: SCHEMA_VERSION,
      robot: this.options.robot,
      ts: iso(raisedAtMs),
      alertId: alert.alert_id,
      sessionId: alert.session_id,
      level: alert.level || 'high',
      category: alert.category,
      reasons: [...alert.reasons],
      message: alert.message,
      status: 'open',
      contact: 'primary',
      raisedAt: iso(raisedAtMs),
      escalateAt: iso(raisedAtMs + this.options.escalateAfterMs),
      resends: 0,
      acknowledgedBy: '',
    };
    const entry: OpenAlert = { payload, resendTimer: undefined, escalateTimer: undefined };
    this.open.set(alert.alert_id, entry);
    this.options.send({ alertId: alert.alert_id, payload, retain: true });
    entry.escalateTimer = this.options.timers.setTimeout(
      () => this.escalate(alert.alert_id),
      this.options.escalateAfterMs,
    );
    this.scheduleResend(entry);
    this.changed();
  }

  /**
   * Takes back the alerts that were open when the robot stopped (oldest first): each is sent
   * again at once (retained), re-sent every `resendMs`, and one still waiting for its
   * escalation escalates at its original `escalateAt` (at once when that time has passed).
   */
  restore(alerts: readonly AlertPayload[]): void {
    const ordered = [...alerts].sort((a, b) => Date.parse(a.raisedAt) - Date.parse(b.raisedAt));
    for (const stored of ordered) {
      if (this.open.has(stored.alertId) || stored.status === 'acknowledged') continue;
      this.open.set(stored.alertId, {
        payload: { ...stored, robot: this.options.robot },
        resendTimer: undefined,
        escalateTimer: undefined,
      });
    }
    for (const entry of this.open.values()) {
      if (entry.resendTimer !== undefined || entry.escalateTimer !== undefined) continue;
      entry.payload = { ...entry.payload, resends: entry.payload.resends + 1 };
      this.sendOpen(entry);
      if (entry.payload.status === 'open') {
        const wait = Math.max(0, Date.parse(entry.payload.escalateAt) - this.options.nowMs());
        const id = entry.payload.alertId;
        entry.escalateTimer = this.options.timers.setTimeout(() => this.escalate(id), wait);
      }
      this.scheduleResend(entry);
    }
    this.changed();
  }

  /** False when no such alert is open (already acknowledged, or never raised here). */
  acknowledge(alertId: string, by: string): boolean {
    const entry = this.open.get(alertId);
    if (!entry) return false;
    this.stopTimers(entry);
    this.open.delete(alertId);
    this.options.send({
      alertId,
      payload: {
        ...entry.payload,
        ts: iso(this.options.nowMs()),
        status: 'acknowledged',
        acknowledgedBy: by,
      },
      retain: false,
    });
    // The acknowledgement is not retained (a non-retained message leaves the retained one in
    // place), so the open alert's retained message is cleared explicitly.
    this.options.send({ alertId, payload: null, retain: true });
    this.changed();
    return true;
  }

  /** Stops every timer; open alerts stay retained on the broker. */
  dispose(): void {
    for (const entry of this.open.values()) this.stopTimers(entry);
    this.open.clear();
  }

  private escalate(alertId: string): void {
    const entry = this.open.get(alertId);
    if (!entry) return;
    entry.escalateTimer = undefined;
    entry.payload = { ...entry.payload, status: 'escalated', contact: 'secondary' };
    this.sendOpen(entry);
    this.changed();
  }

  private scheduleResend(entry: OpenAlert): void {
    entry.resendTimer = this.options.timers.setTimeout(() => {
      if (!this.open.has(entry.payload.alertId)) return;
      entry.payload = { ...entry.payload, resends: entry.payload.resends + 1 };
      this.sendOpen(entry);
      this.scheduleResend(entry);
      this.changed();
    }, this.options.resendMs);
  }

  private changed(): void {
    this.options.onChange?.(this.openAlerts);
  }

  private touch(entry: OpenAlert): AlertPayload {
    entry.payload = { ...entry.payload, ts: iso(this.options.nowMs()) };
    return entry.payload;
  }

  /** An open alert, freshly stamped, retained on its own topic. */
  private sendOpen(entry: OpenAlert): void {
    this.options.send({ alertId: entry.payload.alertId, payload: this.touch(entry), retain: true });
  }

  private stopTimers(entry: OpenAlert): void {
    if (entry.resendTimer !== undefined) this.options.timers.clearTimeout(entry.resendTimer);
    if (entry.escalateTimer !== undefined) this.options.timers.clearTimeout(entry.escalateTimer);
    entry.resendTimer = undefined;
    entry.escalateTimer = undefined;
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
