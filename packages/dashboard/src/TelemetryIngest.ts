/**
 * Reads every robot's telemetry from MQTT, validates each payload with the robot's own schemas
 * and applies it to the store. Invalid payloads are logged and dropped: the broker is shared, and
 * one bad publisher must not break the page for everyone.
 */
import {
  AlertPayloadSchema,
  MetricsPayloadSchema,
  MoodPayloadSchema,
  NoticePayloadSchema,
  SessionEventPayloadSchema,
  StatePayloadSchema,
  StatusPayloadSchema,
  alertTopicLevel,
  parsePayload,
  parseTopic,
  type ParseResult,
} from '@hearth/telemetry/mqtt';
import type { DashboardLogger } from './DashboardLogger.js';
import type { DashboardStore, StoreChange } from './store/DashboardStore.js';

export interface IngestResult {
  readonly accepted: boolean;
  readonly change?: StoreChange;
}

export class TelemetryIngest {
  constructor(
    private readonly store: DashboardStore,
    private readonly logger: DashboardLogger,
    private readonly onChange: (change: StoreChange) => void,
  ) {}

  /** Messages are applied one at a time, in arrival order, though the store is asynchronous. */
  private tail: Promise<void> = Promise.resolve();

  /**
   * Handles one MQTT message once those before it are applied. Never rejects: a failing store is
   * logged, and the dashboard goes on.
   */
  handle(topic: string, payload: Uint8Array): Promise<void> {
    this.tail = this.tail
      .then(() => this.apply(topic, payload))
      .catch((error: unknown) => {
        this.logger.error('could not store telemetry', { topic, error: (error as Error).message });
      });
    return this.tail;
  }

  private async apply(topic: string, payload: Uint8Array): Promise<void> {
    const parsed = parseTopic(topic);
    // Commands are the dashboard's own.
    if (!parsed || parsed.kind === 'command') return;
    // An empty retained message clears a topic (a robot clears an alert's once acknowledged); the
    // acknowledgement itself arrives as its own message.
    if (payload.byteLength === 0) return;
    let change: StoreChange | undefined;
    switch (parsed.kind) {
      case 'status': {
        const result = this.check(topic, parsed.robot, parsePayload(StatusPayloadSchema, payload));
        if (result) change = await this.store.applyStatus(result);
        break;
      }
      case 'state': {
        const result = this.check(topic, parsed.robot, parsePayload(StatePayloadSchema, payload));
        if (result) change = await this.store.applyState(result);
        break;
      }
      case 'sessionEvent': {
        const result = this.check(
          topic,
          parsed.robot,
          parsePayload(SessionEventPayloadSchema, payload),
        );
        if (result && result.sessionId !== parsed.sessionId) {
          this.refuse(topic, [
            `sessionId: ${result.sessionId} does not match the topic's ${parsed.sessionId}`,
          ]);
        } else if (result) {
          change = await this.store.applySessionEvent(result);
        }
        break;
      }
      case 'metrics': {
        const result = this.check(topic, parsed.robot, parsePayload(MetricsPayloadSchema, payload));
        if (result) change = await this.store.applyMetrics(result);
        break;
      }
      case 'mood': {
        const result = this.check(topic, parsed.robot, parsePayload(MoodPayloadSchema, payload));
        if (result) change = await this.store.applyMood(result);
        break;
      }
      case 'alert': {
        const result = this.check(topic, parsed.robot, parsePayload(AlertPayloadSchema, payload));
        // Each alert has its own topic (alerts/<alertId>; '' is the old single alert topic).
        if (result && parsed.alertId !== '' && alertTopicLevel(result.alertId) !== parsed.alertId) {
          this.refuse(topic, [
            `alertId: ${result.alertId} does not match the topic's ${parsed.alertId}`,
          ]);
        } else if (result) {
          change = await this.store.applyAlert(result);
        }
        break;
      }
      case 'notice': {
        const result = this.check(topic, parsed.robot, parsePayload(NoticePayloadSchema, payload));
        if (result) {
          const { schema: _schema, ...notice } = result;
          change = await this.store.applyNotice(notice);
        }
        break;
      }
    }
    if (change) this.onChange(change);
  }

  private check<T extends { robot: string }>(
    topic: string,
    robot: string,
    result: ParseResult<T>,
  ): T | undefined {
    if (!result.ok) {
      this.refuse(topic, result.issues);
      return undefined;
    }
    if (result.value.robot !== robot) {
      this.refuse(topic, [`robot: ${result.value.robot} does not match the topic's ${robot}`]);
      return undefined;
    }
    return result.value;
  }

  private refuse(topic: string, issues: readonly string[]): void {
    this.logger.warn('dropped invalid telemetry', { topic, issues });
  }
}
