import { randomUUID } from 'node:crypto';
import { Qos, type Disposable, type GraphNode, type Publisher } from '@hearth/graph';
import { SafetyAlertType, Topics, type SafetyAlert } from '@hearth/interfaces';
import {
  LlamaRiskClassifier,
  SafetyScreener,
  askClassifier,
  atLeast,
  combineWithClassifier,
  crisisMessage,
  crisisStayLine,
  levelRank,
  type ClassifierAnswer,
  type RiskClassifier,
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
  /**
   * Loads the model-based classifier that `risk_classifier_model` names; a
   * `LlamaRiskClassifier` by default (tests give a fake).
   */
  readonly loadClassifier?: (modelPath: string) => Promise<LoadedRiskClassifier>;
}

/** A classifier the gate owns: disposed when replaced or when the gate is. */
export interface LoadedRiskClassifier extends RiskClassifier {
  dispose(): Promise<void> | void;
}

/** What the gate needs to know of the machine at the moment a transcript arrives. */
export interface DialogueView {
  readonly state: DialogueStateName;
  readonly sessionId: string;
  /**
   * The machine's turn counter: a stay line it said opens a turn, one it turned down (too soon,
   * or the crisis message still being said) does not. Without it every stay line sent counts.
   */
  readonly turnIndex?: number;
}

/** The rule id in a turn's risk that names the classifier model which raised it. */
function classifierNameRule(name: string): string {
  return `classifier-model:${name}`;
}

/** Said on a moderate notice: the alert's `message`, since the reply is not known yet. */
const MODERATE_NOTICE =
  'The robot is answering with the careful protocol: validating feelings, asking gently about ' +
  'safety, and encouraging support from a trusted person or a professional.';

/** Said on a moderate notice for words heard while no turn was taken (asleep, paused): nobody was answered. */
const NOT_IN_CONVERSATION_NOTICE =
  'Heard while not in conversation: the robot did not answer these words. Please check in with ' +
  'the person.';

/**
 * The moderate notice's words: it says the robot answers carefully only when the words were taken
 * as a turn (a session is open and the robot is neither asleep nor paused).
 */
function moderateNotice(view: DialogueView): string {
  const conversing = view.sessionId !== '' && view.state !== 'asleep' && view.state !== 'paused';
  return conversing ? MODERATE_NOTICE : NOT_IN_CONVERSATION_NOTICE;
}

/** The screener's window for words heard outside any session; cleared when a session starts. */
const NO_SESSION = 'no-session';

/**
 * Screens every transcript before the dialogue machine (and so the llm) sees it. High or imminent
 * sends `safety.crisis` with the locale's crisis message and publishes a SafetyAlert; moderate
 * passes the words on with their risk (the machine adds the careful protocol) and publishes a
 * notice; anything else passes on with its level for the turn record. A partial transcript may
 * enter crisis at once. A moderate notice is raised once per turn: by the final, or, when the
 * turn was taken from the last partial (end-of-turn silence, no final), when that turn starts
 * (`userTurnStarted`), from that partial's screen; the screener's window then remembers that
 * partial as the turn. In a crisis, a final below a new higher level gets `safety.stay` (a fixed
 * line repeating the helpline). Words heard while no turn is taken get an honest notice.
 *
 * With `risk_classifier_model` set, a model classifies each final transcript after the screen has
 * acted on it, so a slow or failing model never delays the deterministic path; it can only raise
 * the level: to high or imminent, the crisis starts then; below that the machine gets
 * `safety.raised` (a reply not yet begun is asked again with the careful protocol, one being
 * said is left alone and the next turn is careful; the turn record carries the raise) and, for
 * moderate, caregivers get the notice, once. Partials are not classified: a model call per
 * partial would queue behind itself.
 */
export class SafetyGate {
  private readonly screener: SafetyScreener;
  private readonly alerts: Publisher<SafetyAlert>;
  private readonly createAlertId: () => string;
  /** The highest level alerted in the crisis now in progress. */
  private crisisLevel: RiskLevel | null = null;
  /** The category of the crisis now in progress: picks the stay line (helpline or emergency). */
  private crisisCategory: ScreenResult['category'] = null;
  /** Stay lines said in this crisis (not merely offered): they take turns. */
  private stayLines = 0;
  /** The last partial's screen when it was moderate: the turn's risk if no final follows. */
  private moderatePartial: ScreenResult | null = null;
  /**
   * The last partial's words and screen window, until a final replaces it: when the machine takes
   * the turn from it (end-of-turn silence), the screener remembers it then, once.
   */
  private lastPartial: { readonly text: string; readonly sessionId: string } | null = null;
  /** The session the gate last saw open: a new one clears the no-session window. */
  private seenSession = '';
  private readonly loadClassifier: (modelPath: string) => Promise<LoadedRiskClassifier>;
  private classifier: LoadedRiskClassifier | null = null;
  /** Counts classifier (re)loads, so a load that finishes after a newer one is dropped. */
  private classifierGeneration = 0;
  private classifierLoading: Promise<void> = Promise.resolve();
  /** Causes of classifier failures already logged: each is logged once, not per turn. */
  private readonly loggedFailures = new Set<string>();
  private readonly parameterListener: Disposable;
  private disposed = false;

  constructor(
    private readonly node: GraphNode,
    private readonly send: (event: DialogueEvent) => void,
    private readonly view: () => DialogueView,
    options: SafetyGateOptions = {},
  ) {
    this.screener = options.screener ?? new SafetyScreener();
    this.createAlertId = options.createAlertId ?? (() => `alert-${randomUUID()}`);
    this.alerts = node.createPublisher(SafetyAlertType, Topics.safetyAlert, Qos.events);
    this.loadClassifier =
      options.loadClassifier ?? ((modelPath) => LlamaRiskClassifier.load(modelPath));
    this.useClassifier(String(node.getParameter(DialogueParameters.riskClassifierModel)));
    // Pluggable on a running robot: `ros2 param set` loads, swaps or removes the classifier.
    this.parameterListener = node.onParametersChanged((changes) => {
      const change = changes.find((c) => c.name === DialogueParameters.riskClassifierModel);
      if (change) this.useClassifier(String(change.value));
    });
  }

  /** Settles when the classifier named now has loaded or failed to (tests, start-up logs). */
  classifierSettled(): Promise<void> {
    return this.classifierLoading;
  }

  /** Frees the classifier's model; the gate screens nothing after this. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.parameterListener.dispose();
    this.classifierGeneration++;
    const classifier = this.classifier;
    this.classifier = null;
    await classifier?.dispose();
  }

  /** Screens one transcript and hands it to the machine as the event it calls for. */
  onTranscript(text: string, isFinal: boolean): void {
    const before = this.view();
    this.noteSession(before.sessionId);
    if (before.state !== 'crisis') this.crisisLevel = null;
    const screenSession = before.sessionId || NO_SESSION;
    const result = this.screener.screen(text, { sessionId: screenSession, partial: !isFinal });
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
    this.lastPartial = isFinal ? null : { text, sessionId: screenSession };
    if (before.state === 'crisis') return this.inCrisis(text, isFinal, result, risk, screenSession);
    if (atLeast(result.level, 'high')) return this.crisis(text, result, risk);
    this.send({ type: isFinal ? 'speech.final' : 'speech.partial', text, risk });
    if (isFinal && result.level === 'moderate') {
      const after = this.view();
      this.publishAlert(this.createAlertId(), after.sessionId, result, moderateNotice(after));
    }
    if (isFinal) this.classifyLater(text, result, screenSession);
  }

  /**
   * The machine started a user turn. When it took the turn from a moderate partial (the person
   * fell silent and no final came), caregivers get the notice the final would have raised.
   */
  userTurnStarted(): void {
    const partial = this.moderatePartial;
    const taken = this.lastPartial;
    this.moderatePartial = null;
    this.lastPartial = null;
    // The turn is the last partial (no final came): the window remembers it, as it does a final,
    // so "a third moderate" and "one level up after a high" count it. Screening it again gives
    // the same result: partials are never remembered, so the window has not changed since.
    if (taken) this.screener.screen(taken.text, { sessionId: taken.sessionId });
    const now = this.view();
    if (partial && now.state !== 'crisis')
      this.publishAlert(this.createAlertId(), now.sessionId, partial, MODERATE_NOTICE);
  }

  /** The session is over: the screener forgets its recent turns. */
  sessionEnded(sessionId: string): void {
    this.moderatePartial = null;
    this.lastPartial = null;
    this.screener.endSession(sessionId);
  }

  /**
   * A session has started since the last transcript: words heard outside any session (one
   * shared window) no longer weigh on anyone's turns.
   */
  private noteSession(sessionId: string): void {
    if (sessionId !== '' && sessionId !== this.seenSession) this.screener.endSession(NO_SESSION);
    this.seenSession = sessionId;
  }

  private useClassifier(modelPath: string): void {
    const generation = ++this.classifierGeneration;
    const previous = this.classifier;
    this.classifier = null;
    this.loggedFailures.clear();
    void Promise.resolve(previous?.dispose()).catch((error: unknown) =>
      this.node.logger.warn('risk classifier: dispose failed', { error: String(error) }),
    );
    if (modelPath.trim() === '') {
      this.classifierLoading = Promise.resolve();
      return;
    }
    this.classifierLoading = this.loadClassifier(modelPath).then(
      async (classifier) => {
        if (generation !== this.classifierGeneration) return void (await classifier.dispose());
        this.classifier = classifier;
        this.node.logger.info('risk classifier loaded', { model: modelPath });
      },
      (error: unknown) => {
        if (generation !== this.classifierGeneration) return;
        // The robot runs on: the deterministic screen does not need the model.
        this.node.logger.error(
          `risk classifier not loaded, screening without it: ${error instanceof Error ? error.message : String(error)}`,
          { model: modelPath },
        );
      },
    );
  }

  /**
   * Asks the classifier about a final transcript the screen has already acted on; a raise
   * starts the crisis or sends the moderate notice late rather than never.
   */
  private classifyLater(text: string, result: ScreenResult, screenSession: string): void {
    const classifier = this.classifier;
    // Already high or imminent: the crisis is on, and a model adds nothing the person needs.
    if (!classifier || atLeast(result.level, 'high')) return;
    const sessionId = this.view().sessionId;
    const timeoutMs = Number(this.node.getParameter(DialogueParameters.riskClassifierTimeoutMs));
    void askClassifier(classifier, text, timeoutMs).then((answer) =>
      this.onClassifierAnswer(classifier, answer, text, result, screenSession, sessionId),
    );
  }

  private onClassifierAnswer(
    classifier: RiskClassifier,
    answer: ClassifierAnswer,
    text: string,
    result: ScreenResult,
    screenSession: string,
    sessionId: string,
  ): void {
    if (this.disposed) return;
    if (answer.kind !== 'verdict') {
      const cause =
        answer.kind === 'timeout' ? `timed out after ${answer.timeoutMs} ms` : answer.message;
      if (this.loggedFailures.has(cause)) return;
      this.loggedFailures.add(cause);
      this.node.logger.warn(
        `risk classifier gave no verdict (${cause}): the screen's result stands`,
        {
          classifier: classifier.name,
        },
      );
      return;
    }
    const raised = combineWithClassifier(result, answer.verdict, classifier.name);
    if (raised.level === result.level) return;
    const now = this.view();
    // The conversation has moved to another session: this turn's raise is history.
    if (now.sessionId !== sessionId) return;
    this.screener.rememberRaised(screenSession, raised);
    this.node.logger.info('safety classifier raised', {
      level: raised.level,
      category: raised.category,
      rules: raised.rules,
    });
    // The record names the model that raised the turn (the rule ids alone say only the level).
    const risk: TurnRisk = {
      level: raised.level,
      category: raised.category,
      rules: [...raised.rules, classifierNameRule(classifier.name)],
    };
    if (now.state !== 'crisis') this.crisisLevel = null;
    if (atLeast(raised.level, 'high')) return this.crisis(text, raised, risk);
    if (now.state === 'crisis') return;
    this.send({ type: 'safety.raised', text, risk });
    if (raised.level === 'moderate')
      this.publishAlert(this.createAlertId(), sessionId, raised, moderateNotice(now));
  }

  /**
   * Words heard in a crisis: a higher level is a new alert; otherwise a final gets the machine's
   * stay line (a fixed line repeating the helpline; the machine says it at most once per
   * `crisis_stay_interval_ms`), and the classifier may still raise it.
   */
  private inCrisis(
    text: string,
    isFinal: boolean,
    result: ScreenResult,
    risk: TurnRisk,
    screenSession: string,
  ): void {
    // The crisis message is this turn's reply: nothing heard now is a turn taken from a partial.
    this.moderatePartial = null;
    this.lastPartial = null;
    if (atLeast(result.level, 'high') && !this.crisisCovers(result.level))
      return this.crisis(text, result, risk);
    if (!isFinal) return;
    const message = crisisStayLine(this.locale(), this.crisisCategory, this.stayLines);
    const turnBefore = this.view().turnIndex;
    this.send({ type: 'safety.stay', userText: text, message, risk });
    // Only a line the machine said moves the rotation on: counting one it turned down would skip
    // a line the person never heard.
    const turnAfter = this.view().turnIndex;
    if (turnBefore === undefined || turnAfter !== turnBefore) this.stayLines++;
    this.classifyLater(text, result, screenSession);
  }

  /** The crisis in progress already alerted at this level or higher. */
  private crisisCovers(level: RiskLevel): boolean {
    return this.crisisLevel !== null && levelRank(level) <= levelRank(this.crisisLevel);
  }

  private locale(): string {
    return String(this.node.getParameter(DialogueParameters.locale) || DEFAULT_LOCALE);
  }

  private crisis(text: string, result: ScreenResult, risk: TurnRisk): void {
    // In a crisis already, only a higher level is a new alert (a final repeating the partial that
    // set it off is not).
    if (this.crisisCovers(result.level)) return;
    if (this.crisisLevel === null) {
      this.crisisCategory = result.category;
      this.stayLines = 0;
    }
    this.crisisLevel = result.level;
    const message = crisisMessage(this.locale(), result.category).text;
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
