/**
 * The telemetry node: the dialogue's state and turns go to MQTT for the care dashboard, and
 * caregiver commands from MQTT come back into the graph, validated. It never blocks the robot:
 * while the broker is away, messages wait in the outbox and mqtt.js reconnects on its own.
 * Every message leaves only as far as the consent of everyone with the robot allows (ConsentProfile,
 * ConsentGate), with text redacted; open alerts and the outbox survive a restart; the outbox is
 * bounded by retention_days, except alerts, which are never dropped.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { homedir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { z } from 'zod';
import {
  AffectType,
  CaregiverCommandType,
  DialogueStateType,
  NodeNames,
  SafetyAlertType,
  SessionSummaryType,
  Topics,
  TurnRecordType,
  type Affect,
  type CaregiverCommand,
  type DialogueState,
  type SafetyAlert,
  type SessionSummary,
  type TurnRecord,
} from '@hearth/interfaces';
import {
  Qos,
  systemTimers,
  type GraphNode,
  type ParameterValue,
  type Publisher,
  type TimerHandle,
  type Timers,
} from '@hearth/graph';
import { AlertDesk, type AlertSend } from './alerts/AlertDesk.js';
import type { AlertStore } from './alerts/AlertStore.js';
import { FileAlertStore } from './alerts/FileAlertStore.js';
import { LegacyAlertTopic } from './alerts/LegacyAlertTopic.js';
import { MemoryAlertStore } from './alerts/MemoryAlertStore.js';
import { permits, type ConsentLevel } from './consent/ConsentLevel.js';
import { narrowEntry } from './consent/ConsentGate.js';
import { ConsentProfile } from './consent/ConsentProfile.js';
import { parseCommand, toCaregiverCommand } from './commands.js';
import type { BackoffOptions } from './connection/Backoff.js';
import { BrokerReconnect } from './connection/BrokerReconnect.js';
import { readCaFile } from './connection/readCaFile.js';
import { redactUrl } from './connection/redactUrl.js';
import { InvalidMqttUrlError } from './errors/InvalidMqttUrlError.js';
import { ProcessSampler } from './metrics/ProcessSampler.js';
import { FileOutbox, OUTBOX_JOURNAL } from './outbox/FileOutbox.js';
import { MemoryOutbox } from './outbox/MemoryOutbox.js';
import type { Outbox, OutboxEntry, OutboxReviser } from './outbox/Outbox.js';
import { OutboxSender } from './outbox/OutboxSender.js';
import { isoTime, statePayload, statusPayload, summaryOf, turnOf } from './payloads.js';
import {
  AlertPayloadSchema,
  MetricsPayloadSchema,
  MoodPayloadSchema,
  NoticePayloadSchema,
  SCHEMA_VERSION,
  SessionEventPayloadSchema,
  StatePayloadSchema,
  StatusPayloadSchema,
  type AlertPayload,
  type CommandPayload,
  type MetricsPayload,
  type NoticePayload,
  type SessionEventPayload,
} from './schemas.js';
import { FileSessionStore } from './sessions/FileSessionStore.js';
import { SeqReservation } from './sessions/SeqReservation.js';
import { SessionTracker, type SessionsSnapshot, type TrackedEvent } from './SessionTracker.js';
import { assertTopicLevel, robotTopics, type RobotTopics } from './topics.js';

export const TELEMETRY_NODE_NAME = NodeNames.telemetry;

/** Parameter defaults (the robot's parameters file overrides them). */
export const TelemetryDefaults = {
  robotId: 'hearth-sim',
  mqttUrl: 'mqtt://127.0.0.1:1883',
  /** Empty: trust the system's CAs for mqtts:// and wss://. */
  mqttCaFile: '',
  /** Days queued telemetry may be kept (alerts are never dropped, open ones never forgotten). */
  retentionDays: 30,
  /** Empty: `<cache>/hearth/outbox/<robot_id>` (XDG_CACHE_HOME or ~/.cache). */
  outboxDir: '',
  outboxCapacity: 1000,
  alertResendMs: 30_000,
  alertEscalateAfterMs: 120_000,
  metricsPeriodMs: 60_000,
  /** Commands older than this (by their ts) are dropped, except ack-alert; 0 keeps every one. */
  commandMaxAgeMs: 600_000,
} as const;

/** The `outbox_dir` value that keeps the outbox in memory only (tests, throwaway simulators). */
export const MEMORY_OUTBOX = 'memory';

export interface TelemetryNodeOptions {
  /**
   * Broker URL. When given it wins over the mqtt_url parameter: it is the run-time choice
   * (`hearth start` passes its embedded broker's URL or `--mqtt URL`).
   */
  readonly mqttUrl?: string;
  /** Robot id; when given it wins over the robot_id parameter. */
  readonly robotId?: string;
  /**
   * What leaves the robot for anyone not listed under `people` (and when nobody is identified);
   * when given it wins over the consent.default parameter.
   */
  readonly consent?: ConsentLevel;
  /**
   * Where open alerts are kept across restarts; default `alerts.json` in the on-disk outbox's
   * folder (in memory when the outbox is).
   */
  readonly alertStore?: AlertStore;
  /**
   * Where messages wait for the broker; default a FileOutbox in `outboxDir` (the outbox_dir
   * parameter) that the node owns and disposes.
   */
  readonly outbox?: Outbox;
  /** When given it wins over the outbox_dir parameter; `memory` keeps it in memory only. */
  readonly outboxDir?: string;
  /**
   * The model's name for the metrics topic until a turn names the one that answered
   * (TurnRecord.model, filled by the llm node: the model's file name or `fallback`).
   */
  readonly modelName?: string;
  /** Timers for reconnects, alert re-sends and escalation, and periodic metrics. */
  readonly timers?: Timers;
  /** Reconnect delays (exponential with jitter). */
  readonly backoff?: BackoffOptions;
  /** mqtt.js options laid over Hearth's (credentials, TLS, reconnectPeriod ...). */
  readonly mqttOptions?: IClientOptions;
  /** Replaces `mqtt.connect`; tests use it to reach the client. */
  readonly connect?: (url: string, options: IClientOptions) => MqttClient;
}

export interface CommandRefusal {
  readonly topic: string;
  readonly issues: readonly string[];
}

export interface TelemetryNodeEvents {
  /** Connected, online published and subscribed to commands (after every reconnect too). */
  connected: [];
  /** The connection closed; a reconnect is scheduled after `delayMs`. */
  reconnecting: [delayMs: number];
  commandAccepted: [CommandPayload];
  commandRefused: [CommandRefusal];
}

const DISPOSE_STEP_TIMEOUT_MS = 2000;
const DAY_MS = 86_400_000;
/** How often what outlived retention_days is purged while running. */
const RETENTION_CHECK_MS = 3_600_000;

/** Parameters read once at start: changing them needs a restart (a new identity, outbox or timers). */
const READ_AT_START = [
  'robot_id',
  'mqtt_url',
  'mqtt_ca_file',
  'outbox_dir',
  'outbox_capacity',
  'alert_resend_ms',
  'alert_escalate_after_ms',
  'metrics_period_ms',
];

export class TelemetryNode extends EventEmitter<TelemetryNodeEvents> {
  readonly robotId: string;
  readonly mqttUrl: string;
  readonly topics: RobotTopics;
  readonly consent: ConsentProfile;
  private retentionDays: number;
  private retentionTimer: TimerHandle | undefined;
  private readonly alertStore: AlertStore;
  private sessionNames: { sessionId: string; names: Set<string> } = {
    sessionId: '',
    names: new Set(),
  };
  private readonly client: MqttClient;
  private readonly outbox: Outbox;
  private readonly ownsOutbox: boolean;
  private readonly sender: OutboxSender;
  private readonly tracker = new SessionTracker(undefined, () => this.node.clock.nowMs());
  /** The open sessions' numbering beside the on-disk outbox; none for an outbox in memory. */
  private readonly sessionStore: FileSessionStore | undefined;
  /** When sessions.json must be written: once per SEQ_RESERVATION events, not every event. */
  private readonly reservation = new SeqReservation();
  /** Whether an older robot's retained alert on the legacy `alert` topic needs clearing. */
  private legacyAlert: LegacyAlertTopic | undefined;
  private readonly commandPublisher: Publisher<CaregiverCommand>;
  private readonly timers: Timers;
  private metricsTimer: TimerHandle | undefined;
  private readonly metricsPeriodMs: number;
  private commandMaxAgeMs: number;
  private readonly alerts: AlertDesk;
  private readonly sampler = new ProcessSampler();
  /** The model that answered the latest turn (TurnRecord.model); periodic metrics repeat it. */
  private modelName: string;
  private readonly disposables: { dispose(): void }[] = [];
  /** Appends happen in arrival order even though the outbox is asynchronous. */
  private appendChain: Promise<void> = Promise.resolve();
  private outageReported = false;
  private disposed = false;
  private disposing: Promise<void> | undefined;
  private readonly firstConnect: Promise<void>;

  constructor(
    private readonly node: GraphNode,
    options: TelemetryNodeOptions = {},
  ) {
    super();
    this.robotId = assertTopicLevel(
      'robot id',
      this.parameter(
        'robot_id',
        TelemetryDefaults.robotId,
        options.robotId,
        "This robot's id in MQTT topics (hearth/v1/<robot_id>/...).",
      ),
    );
    this.mqttUrl = validateMqttUrl(
      this.parameter(
        'mqtt_url',
        TelemetryDefaults.mqttUrl,
        options.mqttUrl,
        'The MQTT broker telemetry connects to.',
      ),
    );
    // Read before anything is opened, so a wrong path stops the node with nothing to clean up.
    const caFile = this.parameter<string>(
      'mqtt_ca_file',
      TelemetryDefaults.mqttCaFile,
      undefined,
      "PEM file of the CA that signed the broker's TLS certificate (mqtts://, wss://); empty: the system's CAs. Read at start.",
    );
    const ca = caFile === '' ? undefined : readCaFile(caFile);
    const defaultLevel = options.consent;
    this.consent = new ConsentProfile(node, {
      ...(defaultLevel === undefined ? {} : { defaultLevel }),
      ...(options.timers === undefined ? {} : { timers: options.timers }),
    });
    this.retentionDays = node.declareParameter('retention_days', TelemetryDefaults.retentionDays, {
      description:
        'Days the robot keeps queued telemetry about sessions; older is purged, except alerts and notices, which are never dropped (an open alert stays open until acknowledged). Applies at once.',
      kind: 'integer',
      range: { min: 1, max: 3650 },
    });
    const outboxDir = this.parameter<string>(
      'outbox_dir',
      TelemetryDefaults.outboxDir,
      options.outboxDir,
      'Folder of the on-disk outbox (empty: <cache>/hearth/outbox/<robot_id>; "memory": not on disk). Read at start.',
    );
    const outboxCapacity = this.parameter<number>(
      'outbox_capacity',
      TelemetryDefaults.outboxCapacity,
      undefined,
      'Most messages the outbox keeps while the broker is away; the oldest non-alert ones are dropped first. Read at start.',
    );
    const alertResendMs = this.parameter<number>(
      'alert_resend_ms',
      TelemetryDefaults.alertResendMs,
      undefined,
      'How often an unacknowledged alert is sent again. Read at start.',
    );
    const alertEscalateAfterMs = this.parameter<number>(
      'alert_escalate_after_ms',
      TelemetryDefaults.alertEscalateAfterMs,
      undefined,
      'An alert nobody acknowledged within this time escalates to the second contact. Read at start.',
    );
    this.metricsPeriodMs = this.parameter<number>(
      'metrics_period_ms',
      TelemetryDefaults.metricsPeriodMs,
      undefined,
      'Period of the CPU and memory metrics between turns (0: after turns only). Read at start.',
    );
    this.commandMaxAgeMs = node.declareParameter(
      'command_max_age_ms',
      TelemetryDefaults.commandMaxAgeMs,
      {
        description:
          'Caregiver commands older than this (by their ts) are dropped, except ack-alert: the MQTT session is persistent, so commands sent while the robot was offline arrive later. 0: keep every one. Applies at once.',
        kind: 'integer',
        range: { min: 0, max: 604_800_000 },
      },
    );
    this.watchParameters();
    this.topics = robotTopics(this.robotId);
    this.timers = options.timers ?? systemTimers();
    this.modelName = options.modelName ?? '';

    this.ownsOutbox = options.outbox === undefined;
    this.outbox = options.outbox ?? this.openOutbox(outboxDir, outboxCapacity);
    this.alertStore =
      options.alertStore ??
      (this.outbox instanceof FileOutbox
        ? new FileAlertStore(this.outbox.dir)
        : new MemoryAlertStore());
    this.alerts = new AlertDesk({
      robot: this.robotId,
      resendMs: alertResendMs,
      escalateAfterMs: alertEscalateAfterMs,
      timers: this.timers,
      nowMs: () => this.node.clock.nowMs(),
      send: (message) => this.sendAlert(message),
      onChange: (open) => this.saveAlerts(open),
    });

    this.commandPublisher = node.createPublisher(
      CaregiverCommandType,
      Topics.caregiverCommand,
      Qos.events,
    );

    const connect =
      options.connect ?? ((url: string, opts: IClientOptions) => mqtt.connect(url, opts));
    this.client = connect(this.mqttUrl, {
      // A persistent session under a fixed id: the broker keeps the command subscription and
      // queues commands (QoS 1) sent while the robot is away; stale ones are dropped on arrival.
      clientId: `hearth-${this.robotId}-telemetry`,
      clean: false,
      will: {
        topic: this.topics.status,
        payload: Buffer.from(JSON.stringify(statusPayload(this.robotId, 'offline', this.nowIso()))),
        qos: 1,
        retain: true,
      },
      ...(ca === undefined ? {} : { ca }),
      ...options.mqttOptions,
      // Reconnects are the node's own (backoff with jitter, BrokerReconnect).
      reconnectPeriod: 0,
    });
    this.sender = new OutboxSender(this.outbox, this.client, node.logger, (entry) =>
      this.beforeSend(entry),
    );
    this.sessionStore =
      this.outbox instanceof FileOutbox ? new FileSessionStore(this.outbox.dir) : undefined;
    this.restoreAlerts();
    this.restoreSessions();
    // A folder of this version's own: nothing to clear, now or at a later start.
    if (this.legacyAlert?.needsClear === false) this.markLegacyAlertCleared();
    this.purgeExpired();
    this.disposables.push(this.consent.onChange(() => this.onConsentChanged()));
    this.firstConnect = new Promise((resolve) => this.once('connected', resolve));
    this.client.on('connect', () => void this.onConnect());
    this.client.on('message', (topic, payload, packet) =>
      this.onCommand(topic, payload, packet.retain),
    );
    this.client.on('error', (error) => this.onClientError(error));
    this.client.on('close', () => this.sender.connectionLost());
    // Reconnects are the node's own: backoff with jitter, reset by each connection.
    this.disposables.push(
      new BrokerReconnect(this.client, this.timers, options.backoff, (delay) =>
        this.emit('reconnecting', delay),
      ),
    );

    node.createSubscription(
      DialogueStateType,
      Topics.dialogueState,
      (m) => this.onState(m),
      Qos.state,
    );
    node.createSubscription(TurnRecordType, Topics.dialogueTurn, (m) => this.onTurn(m), Qos.events);
    node.createSubscription(
      SafetyAlertType,
      Topics.safetyAlert,
      (m) => this.onSafetyAlert(m),
      Qos.events,
    );
    node.createSubscription(AffectType, Topics.affect, (m) => this.onAffect(m), Qos.events);
    node.createSubscription(
      SessionSummaryType,
      Topics.sessionSummary,
      (m) => this.onSessionSummary(m),
      Qos.events,
    );
    this.scheduleMetrics();
  }

  /** Safety alerts not yet acknowledged, oldest first. */
  get openAlerts(): readonly { readonly alertId: string; readonly status: string }[] {
    return this.alerts.openAlerts;
  }

  /** Resolves once the node first connected and announced itself online. */
  ready(): Promise<void> {
    return this.firstConnect;
  }

  get connected(): boolean {
    return this.client.connected;
  }

  /**
   * Publishes offline (when connected), sends what waits in the outbox as far as it can, and
   * ends the MQTT client. The caller destroys the GraphNode. Idempotent.
   */
  dispose(): Promise<void> {
    this.disposing ??= this.shutdown();
    return this.disposing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.dispose();
  }

  private async shutdown(): Promise<void> {
    this.disposed = true;
    for (const d of this.disposables) d.dispose();
    this.consent.dispose();
    this.alerts.dispose();
    if (this.retentionTimer !== undefined) this.timers.clearTimeout(this.retentionTimer);
    if (this.metricsTimer !== undefined) this.timers.clearTimeout(this.metricsTimer);
    // A clean stop saves the numbering exactly: the next start then continues without a gap.
    if (this.sessionStore) this.writeSessions(this.reservation.exact(this.tracker.snapshot()));
    await this.appendChain;
    let graceful = false;
    if (this.client.connected) {
      this.sender.kick();
      const offline = JSON.stringify(statusPayload(this.robotId, 'offline', this.nowIso()));
      graceful =
        (await withTimeout(this.sender.idle(), DISPOSE_STEP_TIMEOUT_MS)) &&
        (await withTimeout(
          this.client.publishAsync(this.topics.status, offline, { qos: 1, retain: true }),
          DISPOSE_STEP_TIMEOUT_MS,
        ));
    }
    // A graceful end waits for every in-flight publish; in a persistent session one may never be
    // acknowledged (sent before a broker crash): then end by force. The outbox still holds it.
    const ended = await withTimeout(this.client.endAsync(!graceful), DISPOSE_STEP_TIMEOUT_MS);
    if (!ended) await this.client.endAsync(true);
    if (this.ownsOutbox) await this.outbox.dispose();
  }

  private parameter<T extends ParameterValue>(
    name: string,
    fallback: T,
    option: T | undefined,
    description: string,
  ): T {
    const declared = this.node.declareParameter(name, fallback, { description });
    if (option === undefined || option === declared) return declared;
    const [result] = this.node.setParameters({ [name]: option });
    if (result && !result.successful)
      throw new Error(`telemetry parameter ${name}: ${result.reason}`);
    return option;
  }

  private watchParameters(): void {
    // The broker and the robot id are read once at start: changing them would need a reconnect
    // under a new identity, so they are refused while running. Consent changes apply at once
    // (ConsentProfile watches those), and so does retention.
    this.disposables.push(
      this.node.addParameterValidator((changes) => {
        const fixed = changes.find((c) => READ_AT_START.includes(c.name));
        return fixed
          ? {
              successful: false,
              reason: `${fixed.name} is read at start; restart the telemetry node to change it`,
            }
          : { successful: true };
      }),
      this.node.onParametersChanged((changes) => {
        for (const change of changes) {
          if (change.name === 'retention_days' && typeof change.value === 'number') {
            this.retentionDays = change.value;
            this.purgeExpired();
          }
          if (change.name === 'command_max_age_ms' && typeof change.value === 'number')
            this.commandMaxAgeMs = change.value;
        }
      }),
    );
  }

  private openOutbox(dir: string, capacity: number): Outbox {
    const onDrop = (entry: OutboxEntry) =>
      this.node.logger.warn('telemetry outbox full: dropped the oldest message', {
        topic: entry.topic,
      });
    if (dir === MEMORY_OUTBOX) return new MemoryOutbox({ capacity, onDrop });
    const folder = dir === '' ? defaultOutboxDir(this.robotId) : dir;
    try {
      const legacyAlert = LegacyAlertTopic.inspect(folder, OUTBOX_JOURNAL);
      const outbox = new FileOutbox({ dir: folder, capacity, onDrop });
      this.legacyAlert = legacyAlert;
      const waiting = outbox.tornLines;
      if (waiting > 0)
        this.node.logger.warn('telemetry outbox: skipped lines torn by a crash', { torn: waiting });
      return outbox;
    } catch (error) {
      // The robot must keep working: telemetry then survives outages, not restarts.
      this.node.logger.error('telemetry outbox not on disk; keeping it in memory', {
        error: (error as Error).message,
      });
      return new MemoryOutbox({ capacity, onDrop });
    }
  }

  private async onConnect(): Promise<void> {
    if (this.outageReported)
      this.node.logger.info('telemetry reconnected to MQTT', { url: redactUrl(this.mqttUrl) });
    this.outageReported = false;
    try {
      const online = statusPayload(this.robotId, 'online', this.nowIso());
      StatusPayloadSchema.parse(online);
      await this.client.publishAsync(this.topics.status, JSON.stringify(online), {
        qos: 1,
        retain: true,
      });
      await this.client.subscribeAsync(this.topics.commands, { qos: 1 });
      this.clearLegacyAlert();
    } catch (error) {
      this.node.logger.warn('telemetry could not announce itself; will retry on reconnect', {
        error: (error as Error).message,
      });
      return;
    }
    this.sender.kick();
    this.emit('connected');
  }

  /**
   * Robots before per-alert topics kept their newest open alert retained on the single
   * `.../alert` topic, and nothing of this version ever clears it: a dashboard would show that
   * alert again at every connect. Where the outbox folder shows an older robot ran on it
   * (LegacyAlertTopic), it is cleared on the first connect with an empty retained message, queued
   * after the open alerts restored at start (alerts.json), so it leaves only once they are
   * retained again on their own `alerts/<alertId>` topics; then never again on that folder.
   */
  private clearLegacyAlert(): void {
    if (this.legacyAlert?.needsClear !== true) return;
    this.legacyAlert.needsClear = false;
    this.enqueueRaw(this.topics.legacyAlert, '', true, 'alert');
    this.markLegacyAlertCleared();
  }

  /** After what is queued so far: once the clear is in the outbox, it leaves even after a crash. */
  private markLegacyAlertCleared(): void {
    const legacyAlert = this.legacyAlert;
    if (!legacyAlert) return;
    this.appendChain = this.appendChain
      .then(() => legacyAlert.markCleared())
      .then(undefined, (error: unknown) =>
        // Only costs one more empty retained message at the next start.
        this.node.logger.warn('telemetry could not note the legacy alert topic cleared', {
          error: (error as Error).message,
        }),
      );
  }

  private onClientError(error: Error): void {
    // mqtt.js retries by itself; one line per outage is enough.
    if (this.outageReported) return;
    this.outageReported = true;
    this.node.logger.warn('telemetry cannot reach MQTT broker; retrying', {
      url: redactUrl(this.mqttUrl),
      error: error.message,
    });
  }

  private onCommand(topic: string, payload: Uint8Array, retained: boolean): void {
    if (this.disposed) return;
    const parsed = parseCommand(
      this.robotId,
      { topic, payload, retained },
      // Wall time, not the graph's clock (which may be simulated): `ts` is the sender's wall time.
      { nowMs: Date.now(), maxAgeMs: this.commandMaxAgeMs },
    );
    if (!parsed.ok) {
      this.node.logger.warn('refused caregiver command', { topic, issues: parsed.issues });
      this.emit('commandRefused', { topic, issues: parsed.issues });
      return;
    }
    if (parsed.value.verb === 'ack-alert') {
      const known = this.alerts.acknowledge(parsed.value.alertId, parsed.value.issuedBy);
      if (!known)
        this.node.logger.info('acknowledged an alert that is not open here', {
          alertId: parsed.value.alertId,
        });
    }
    this.commandPublisher.publish(toCaregiverCommand(parsed.value, this.node.clock.now()));
    this.node.logger.info('caregiver command', {
      verb: parsed.value.verb,
      issuedBy: parsed.value.issuedBy,
    });
    this.emit('commandAccepted', parsed.value);
  }

  private onState(message: DialogueState): void {
    if (this.disposed) return;
    const ts = isoTime(message.stamp, this.node.clock.nowMs());
    const events = this.tracker.onState(message.session_id, message.event);
    this.saveSessions();
    for (const event of events) this.enqueueSessionEvent(event, ts);
    this.enqueue(
      this.topics.state,
      StatePayloadSchema,
      statePayload(this.robotId, message, ts),
      true,
    );
  }

  private onTurn(message: TurnRecord): void {
    if (this.disposed) return;
    // Robot speech outside a session (a caregiver's say) gets a session of its own (SessionTracker).
    const events = this.tracker.onTurn(message.session_id, message.kind, message.turn_index);
    this.saveSessions();
    const sessionId = events.find((event) => event.type === 'turn')?.sessionId;
    if (sessionId === undefined) {
      this.node.logger.warn('turn record without a session id; not sent', {
        turnIndex: message.turn_index,
      });
      return;
    }
    const ts = isoTime(message.stamp, this.node.clock.nowMs());
    for (const event of events) this.enqueueSessionEvent(event, ts, message);
    this.enqueue(
      this.topics.metrics,
      MetricsPayloadSchema,
      this.metrics(ts, { ...message, session_id: sessionId }),
      false,
    );
  }

  private onSessionSummary(message: SessionSummary): void {
    if (this.disposed || message.session_id === '') return;
    const ts = isoTime(message.stamp, this.node.clock.nowMs());
    const events = this.tracker.onSummary(message.session_id);
    this.saveSessions();
    for (const event of events) this.enqueueSessionEvent(event, ts, undefined, message);
  }

  private onSafetyAlert(message: SafetyAlert): void {
    if (this.disposed) return;
    if (message.alert_id === '') {
      this.node.logger.error('safety alert without an alert id; not sent', {
        level: message.level,
      });
      return;
    }
    if (isNoticeLevel(message.level)) return this.sendNotice(message);
    const raisedAt = Date.parse(isoTime(message.stamp, this.node.clock.nowMs()));
    this.node.logger.warn('safety alert raised', {
      alertId: message.alert_id,
      level: message.level,
      category: message.category,
    });
    this.alerts.raise(message, raisedAt);
  }

  /**
   * A moderate-risk notice: caregivers see it, but it is no crisis, so it is sent once (QoS 1,
   * not retained) and never re-sent, escalated or waiting for an acknowledgement. Like alerts it
   * leaves whatever the consent, its free text redacted (enqueue narrows reasons to rule ids).
   */
  private sendNotice(message: SafetyAlert): void {
    this.node.logger.info('safety notice', {
      noticeId: message.alert_id,
      level: message.level,
      category: message.category,
    });
    this.enqueue(
      this.topics.notice,
      NoticePayloadSchema,
      this.redactedAlertText({
        schema: SCHEMA_VERSION,
        robot: this.robotId,
        ts: isoTime(message.stamp, this.node.clock.nowMs()),
        noticeId: message.alert_id,
        sessionId: message.session_id,
        level: message.level as NoticePayload['level'],
        category: message.category,
        reasons: message.reasons,
        message: message.message,
      }),
      false,
      // Never dropped from a full outbox, like alerts: caregivers must hear of it.
      'alert',
    );
  }

  private sendAlert(message: AlertSend): void {
    const topic = this.topics.alert(message.alertId);
    if (message.payload === null) {
      this.enqueueRaw(topic, '', true, 'alert');
      return;
    }
    // Alerts always leave (the safety net); their free text only with transcripts consent,
    // redacted. enqueue narrows the reasons to rule ids otherwise.
    this.enqueue(
      topic,
      AlertPayloadSchema,
      this.redactedAlertText(message.payload),
      message.retain,
      'alert',
    );
  }

  /** An alert's or notice's free text (message and reasons) redacted. */
  private redactedAlertText<T extends { message: string; reasons: readonly string[] }>(
    payload: T,
  ): T {
    const redactor = this.consent.redactor;
    return {
      ...payload,
      message: redactor.redact(payload.message),
      reasons: payload.reasons.map((r) => redactor.redact(r)),
    };
  }

  /**
   * Names the person introduced earlier in this session ("my name is Ana"), so the robot's later
   * "Thank you, Ana" is redacted too. Only the current session's are kept.
   */
  private namesIntroducedIn(sessionId: string): Set<string> {
    if (this.sessionNames.sessionId !== sessionId)
      this.sessionNames = { sessionId, names: new Set() };
    return this.sessionNames.names;
  }

  private saveAlerts(open: readonly AlertPayload[]): void {
    if (this.disposed) return;
    try {
      this.alertStore.save(open);
    } catch (error) {
      // The alerts still go out; only a restart would lose them.
      this.node.logger.error('telemetry could not save open alerts', {
        error: (error as Error).message,
      });
    }
  }

  /** Picks up the alerts that were open when the robot stopped: re-sent, escalation resumed. */
  private restoreAlerts(): void {
    let stored: AlertPayload[];
    try {
      stored = this.alertStore.load();
    } catch (error) {
      this.node.logger.error('telemetry could not read the open alerts kept on disk', {
        error: (error as Error).message,
      });
      return;
    }
    if (this.alertStore instanceof FileAlertStore && this.alertStore.skipped > 0)
      this.node.logger.warn('telemetry skipped unreadable stored alerts', {
        skipped: this.alertStore.skipped,
      });
    if (stored.length === 0) return;
    // Every stored alert is unacknowledged: kept whatever its age (retention never drops one).
    this.node.logger.warn('telemetry restored open alerts from before the restart', {
      alerts: stored.map((a) => a.alertId),
    });
    this.alerts.restore(stored);
  }

  /**
   * Continues the sessions that were open when the node stopped: their events go on from the
   * saved sequence numbers and turn counts, so the dashboard sees one session, not two.
   */
  private restoreSessions(): void {
    if (!this.sessionStore) return;
    const stored = this.sessionStore.load();
    if (this.sessionStore.unreadable)
      this.node.logger.warn('telemetry could not read the open sessions kept on disk', {
        file: this.sessionStore.path,
      });
    if (stored.sessions.length === 0) return;
    this.tracker.restore(stored);
    this.reservation.restored(stored);
    this.node.logger.info('telemetry continues the sessions open before the restart', {
      sessions: stored.sessions.map((s) => s.sessionId),
    });
  }

  /**
   * Saves the open sessions' numbering when what is saved no longer covers it (SeqReservation:
   * a session opened or ended, or a seq past its reservation). Call before queueing the events.
   */
  private saveSessions(): void {
    if (!this.sessionStore) return;
    const snapshot = this.reservation.next(this.tracker.snapshot());
    if (snapshot) this.writeSessions(snapshot);
  }

  /**
   * Writes asynchronously, in the outbox's append chain: the events queued after it reach the
   * outbox (and so the broker) only once it is on disk, which is what keeps seq increasing
   * across a crash.
   */
  private writeSessions(snapshot: SessionsSnapshot): void {
    const store = this.sessionStore;
    if (!store) return;
    this.appendChain = this.appendChain
      .then(() => store.save(snapshot))
      .then(undefined, (error: unknown) => {
        // The events still go out; the next change tries again.
        this.reservation.forget();
        this.node.logger.error('telemetry could not save the open sessions', {
          file: store.path,
          error: (error as Error).message,
        });
      });
  }

  private retentionCutoff(): number {
    return this.node.clock.nowMs() - this.retentionDays * DAY_MS;
  }

  /**
   * Drops what outlived retention_days from the outbox; then hourly. Alerts (and notices) are
   * never dropped: an unacknowledged alert stays open, and its messages leave, whatever its age.
   */
  private purgeExpired(): void {
    if (this.disposed) return;
    if (this.retentionTimer !== undefined) this.timers.clearTimeout(this.retentionTimer);
    this.reviseOutbox(
      (entry) => (this.outlivedRetention(entry) ? undefined : entry),
      'telemetry purged queued messages older than retention_days',
    );
    this.retentionTimer = this.timers.setTimeout(() => {
      this.retentionTimer = undefined;
      this.purgeExpired();
    }, RETENTION_CHECK_MS);
  }

  /**
   * Consent changed (a person's level, the default, or who is with the robot): what waits in the
   * outbox is narrowed at once, and retained state and mood are cleared from the broker when the
   * person speaking no longer lets them leave.
   */
  private onConsentChanged(): void {
    if (this.disposed) return;
    this.reviseOutbox(
      (entry) => this.narrowToConsent(entry),
      'consent changed: queued telemetry narrowed or withheld',
    );
    const level = this.consent.currentLevel;
    // Clearing twice is harmless (an empty retained message), keeping a stale state is not.
    if (!permits(level, 'state_mood')) {
      this.enqueueRaw(this.topics.state, '', true, 'normal');
      this.enqueueRaw(this.topics.mood, '', true, 'normal');
    }
    this.node.logger.info('telemetry consent applied', {
      person: this.consent.audience,
      level,
    });
  }

  private reviseOutbox(reviser: OutboxReviser, message: string): void {
    this.appendChain = this.appendChain
      .then(() => this.outbox.revise(reviser))
      .then(
        (changed) => {
          if (changed > 0) this.node.logger.info(message, { messages: changed });
        },
        (error: unknown) =>
          this.node.logger.error('telemetry outbox could not be revised', {
            error: (error as Error).message,
          }),
      );
  }

  /** The last look before a message leaves: consent now, and retention. */
  private beforeSend(entry: OutboxEntry): OutboxEntry | undefined {
    if (this.outlivedRetention(entry)) return undefined;
    return this.narrowToConsent(entry);
  }

  /** The one consent rule, applied on queueing, on a consent change and before sending. */
  private narrowToConsent(entry: OutboxEntry): OutboxEntry | undefined {
    return narrowEntry(entry, this.consent.levelFor(entry.person));
  }

  /** Queued longer than retention_days; never true of alerts, which are never dropped. */
  private outlivedRetention(entry: OutboxEntry): boolean {
    if (entry.priority === 'alert') return false;
    return (entry.queuedAt ?? Number.POSITIVE_INFINITY) < this.retentionCutoff();
  }

  private onAffect(message: Affect): void {
    if (this.disposed) return;
    this.enqueue(
      this.topics.mood,
      MoodPayloadSchema,
      {
        schema: SCHEMA_VERSION,
        robot: this.robotId,
        ts: isoTime(message.stamp, this.node.clock.nowMs()),
        sessionId: message.session_id,
        emotion: message.emotion || 'neutral',
        intensity: clamp(message.intensity, 0, 1),
        valence: clamp(message.valence, -1, 1),
      },
      true,
    );
  }

  private metrics(ts: string, turn?: TurnRecord): MetricsPayload {
    // Robot-initiated turns generate nothing and name no model: keep the last one that answered.
    if (turn !== undefined && turn.model !== '') this.modelName = turn.model;
    const base = {
      schema: SCHEMA_VERSION,
      robot: this.robotId,
      ts,
      ...this.sampler.sample(),
      model: {
        name: this.modelName,
        promptTokensEvaluated: turn?.prompt_tokens_evaluated ?? 0,
        generatedTokens: turn?.generated_tokens ?? 0,
        tokensPerSecond: Math.max(0, turn?.tokens_per_second ?? 0),
        contextStrategy: turn?.context_strategy ?? '',
      },
    };
    if (!turn) return base;
    return {
      ...base,
      turn: {
        sessionId: turn.session_id,
        index: turn.turn_index,
        timings: turnOf(turn, false).timings,
        bargeInToSilenceMs: Math.max(-1, turn.barge_in_to_silence_ms),
      },
    };
  }

  private scheduleMetrics(): void {
    if (this.metricsPeriodMs <= 0 || this.disposed) return;
    this.metricsTimer = this.timers.setTimeout(() => {
      this.metricsTimer = undefined;
      if (this.disposed) return;
      this.enqueue(this.topics.metrics, MetricsPayloadSchema, this.metrics(this.nowIso()), false);
      this.scheduleMetrics();
    }, this.metricsPeriodMs);
  }

  private enqueueSessionEvent(
    event: TrackedEvent,
    ts: string,
    turn?: TurnRecord,
    summary?: SessionSummary,
  ): void {
    const base = {
      schema: SCHEMA_VERSION,
      robot: this.robotId,
      ts,
      sessionId: event.sessionId,
      eventId: randomUUID(),
      seq: event.seq,
    };
    let payload: SessionEventPayload;
    if (event.type === 'turn') {
      if (!turn) return;
      // The fullest form, redacted; enqueue narrows it to what the person's consent allows.
      const full = turnOf(turn, true);
      const redactor = this.consent.redactor;
      const names = this.namesIntroducedIn(event.sessionId);
      if (full.shared) for (const name of redactor.introducedNames(full.userText)) names.add(name);
      payload = {
        ...base,
        type: 'turn',
        turn: full.shared
          ? {
              ...full,
              userText: redactor.redact(full.userText, names),
              replyText: redactor.redact(full.replyText, names),
            }
          : full,
      };
    } else if (event.type === 'session.end') {
      payload = { ...base, type: 'session.end', turnCount: event.turnCount, reason: event.reason };
    } else if (event.type === 'session.summary') {
      if (!summary) return;
      payload = { ...base, type: 'session.summary', summary: summaryOf(summary) };
    } else {
      payload = { ...base, type: 'session.start' };
    }
    let topic: string;
    try {
      topic = this.topics.sessionEvent(event.sessionId);
    } catch (error) {
      this.node.logger.error('session event not sent', { error: (error as Error).message });
      return;
    }
    this.enqueue(topic, SessionEventPayloadSchema, payload, false);
  }

  /** Validates against the payload's own schema (a failure is a bug here) and queues it. */
  private enqueue<T>(
    topic: string,
    schema: z.ZodType<T>,
    payload: T,
    retain: boolean,
    priority: OutboxEntry['priority'] = 'normal',
  ): void {
    const checked = schema.safeParse(payload);
    if (!checked.success) {
      this.node.logger.error('telemetry payload failed its schema; not sent', {
        topic,
        issues: checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      });
      return;
    }
    this.enqueueRaw(topic, JSON.stringify(payload), retain, priority);
  }

  /**
   * Queues a payload (an empty one clears a retained message) as far as the consent of the person
   * speaking allows: narrowed, or not at all, so what may not leave is never written to disk.
   */
  private enqueueRaw(
    topic: string,
    payload: string,
    retain: boolean,
    priority: OutboxEntry['priority'],
  ): void {
    const entry = this.narrowToConsent({
      id: randomUUID(),
      topic,
      payload,
      qos: 1,
      retain,
      priority,
      person: this.consent.audience,
      queuedAt: this.node.clock.nowMs(),
    });
    if (!entry) return;
    this.appendChain = this.appendChain
      .then(() => this.outbox.append(entry))
      .then(
        () => this.sender.kick(),
        (error: unknown) =>
          this.node.logger.error('telemetry outbox append failed', {
            topic,
            error: (error as Error).message,
          }),
      );
  }

  private nowIso(): string {
    return new Date(this.node.clock.nowMs()).toISOString();
  }
}

/** `<XDG_CACHE_HOME or ~/.cache>/hearth/outbox/<robot>`: survives restarts, not a tmp cleaner. */
export function defaultOutboxDir(robot: string): string {
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'hearth', 'outbox', robot);
}

/** Levels below high are notices; high, imminent (and anything unknown, to be safe) alerts. */
function isNoticeLevel(level: string): level is NoticePayload['level'] {
  return level === 'moderate' || level === 'low' || level === 'none';
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : 0;
}

function validateMqttUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidMqttUrlError(redactUrl(url));
  }
  if (
    !['mqtt:', 'mqtts:', 'tcp:', 'ssl:', 'ws:', 'wss:'].includes(parsed.protocol) ||
    parsed.hostname === ''
  ) {
    throw new InvalidMqttUrlError(redactUrl(url));
  }
  return url;
}

/** True when `promise` settled in time and fulfilled; false on timeout or rejection. */
async function withTimeout(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
