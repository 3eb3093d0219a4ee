import { randomUUID } from 'node:crypto';
import { Qos, type GraphNode, type Publisher } from '@hearth/graph';
import { SafetyAlertType, Topics, type SafetyAlert } from '@hearth/interfaces';
import {
  SafetyScreener,
  atLeast,
  crisisMessage,
  levelRank,
  type RiskLevel,
  type ScreenResult,
} from '@hearth/safety';
import type { DialogueEvent } from '../machine/events.js';
import type { DialogueStateName, TurnRisk } from '../machine/types.js';
import { DEFAULT_LOCALE, DialogueParameters } from './parameters.js';

export interface SafetyGateOptions {
  /** Makes alert ids; a random UUID by default. */
  readonly createAlertId?: () => string;
  /** The screener (one per node, it keeps each session's recent turns); a default one otherwise. */
  readonly screener?: SafetyScreener;
}

/** What the gate needs to know of the machine at the moment a transcript arrives. */
export interface DialogueView {
  readonly state: DialogueStateName;
  readonly sessionId: string;
}

/** Said on a moderate notice: the alert's `message`, since the reply is not known yet. */
const MODERATE_NOTICE =
  'The robot is answering with the careful protocol: validating feelings, asking gently about ' +
  'safety, and encouraging support from a trusted person or a professional.';

/**
 * Screens every transcript before the dialogue machine (and so the llm) sees it. High or imminent
 * sends `safety.crisis` with the locale's crisis message and publishes a SafetyAlert; moderate
 * passes the words on with their risk (the machine adds the careful protocol) and publishes a
 * notice; anything else passes on with its level for the turn record. A partial transcript may
 * enter crisis at once. A moderate notice is raised once per turn: by the final, or, when the
 * turn was taken from the last partial (end-of-turn silence, no final), when that turn starts
 * (`userTurnStarted`), from that partial's screen.
 */
export class SafetyGate {
  private readonly screener: SafetyScreener;
  private readonly alerts: Publisher<SafetyAlert>;
  private readonly createAlertId: () => string;
  /** The highest level alerted in the crisis now in progress. */
  private crisisLevel: RiskLevel | null = null;
  /** The last partial's screen when it was moderate: the turn's risk if no final follows. */
  private moderatePartial: ScreenResult | null = null;

  constructor(
    private readonly node: GraphNode,
    private readonly send: (event: DialogueEvent) => void,
    private readonly view: () => DialogueView,
    options: SafetyGateOptions = {},
  ) {
    this.screener = options.screener ?? new SafetyScreener();
    this.createAlertId = options.createAlertId ?? (() => `alert-${randomUUID()}`);
    this.alerts = node.createPublisher(SafetyAlertType, Topics.safetyAlert, Qos.events);
  }

  /** Screens one transcript and hands it to the machine as the event it calls for. */
  onTranscript(text: string, isFinal: boolean): void {
    const before = this.view();
    if (before.state !== 'crisis') this.crisisLevel = null;
    const result = this.screener.screen(text, {
      sessionId: before.sessionId || 'no-session',
      partial: !isFinal,
    });
    const risk: TurnRisk = { level: result.level, category: result.category, rules: result.rules };
    if (result.level !== 'none') {
      // Rule ids only: the log and the alert never carry the person's words.
      this.node.logger.info('safety screen', {
        level: result.level,
        category: result.category,
        rules: result.rules,
        partial: !isFinal,
      });
    }
    // Set before the machine sees the transcript: it may start the turn synchronously.
    this.moderatePartial = !isFinal && result.level === 'moderate' ? result : null;
    if (atLeast(result.level, 'high')) return this.crisis(text, result, risk);
    this.send({ type: isFinal ? 'speech.final' : 'speech.partial', text, risk });
    if (isFinal && result.level === 'moderate' && before.state !== 'crisis') {
      this.publishAlert(this.createAlertId(), this.view().sessionId, result, MODERATE_NOTICE);
    }
  }

  /**
   * The machine started a user turn. When it took the turn from a moderate partial (the person
   * fell silent and no final came), caregivers get the notice the final would have raised.
   */
  userTurnStarted(): void {
    const partial = this.moderatePartial;
    this.moderatePartial = null;
    const now = this.view();
    if (partial && now.state !== 'crisis')
      this.publishAlert(this.createAlertId(), now.sessionId, partial, MODERATE_NOTICE);
  }

  /** The session is over: the screener forgets its recent turns. */
  sessionEnded(sessionId: string): void {
    this.moderatePartial = null;
    this.screener.endSession(sessionId);
  }

  private crisis(text: string, result: ScreenResult, risk: TurnRisk): void {
    // In a crisis already, only a higher level is a new alert (a final repeating the partial that
    // set it off is not).
    if (this.crisisLevel !== null && levelRank(result.level) <= levelRank(this.crisisLevel)) return;
    this.crisisLevel = result.level;
    const locale = String(this.node.getParameter(DialogueParameters.locale) || DEFAULT_LOCALE);
    const message = crisisMessage(locale, result.category).text;
    const alertId = this.createAlertId();
    this.send({
      type: 'safety.crisis',
      reason: `safety screen: ${result.level} ${result.category ?? ''}`.trim(),
      userText: text,
      message,
      alertId,
      risk,
    });
    // The machine has opened the session (if none was) synchronously: the alert names it.
    this.publishAlert(alertId, this.view().sessionId, result, message);
  }

  private publishAlert(
    alertId: string,
    sessionId: string,
    result: ScreenResult,
    message: string,
  ): void {
    this.alerts.publish(
      SafetyAlertType.create({
        stamp: this.node.clock.now(),
        alert_id: alertId,
        session_id: sessionId,
        level: result.level,
        category: result.category ?? '',
        reasons: [...result.rules],
        message,
      }),
    );
  }
}
