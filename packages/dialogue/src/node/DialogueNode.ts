import {
  Actions,
  AffectType,
  CaregiverCommandType,
  DialogueStateType,
  GenerateAction,
  GestureCommandType,
  GestureReason,
  GetDialogueStateService,
  SayAction,
  Services,
  SessionSummaryType,
  SpeechEventType,
  type SessionSummary,
  timeToMs,
  Topics,
  TranscriptType,
  TurnRecordType,
  VoiceActivityType,
  WakeWordType,
  type CaregiverCommand,
  type DialogueState,
  type GetDialogueStateResponse,
  type TurnRecord,
} from '@hearth/interfaces';
import {
  Qos,
  systemTimers,
  type Disposable,
  type GraphNode,
  type Publisher,
  type Timers,
} from '@hearth/graph';
import { createActor, type Actor } from 'xstate';
import { createGenerateActor } from '../actors/generateActor.js';
import { createSayActor } from '../actors/sayActor.js';
import {
  DIALOGUE_SYSTEM_ID,
  dialogueMachine,
  type DialogueMachine,
} from '../machine/dialogueMachine.js';
import type { DialogueEvent } from '../machine/events.js';
import type { DialogueConfig, DialogueStateName, TurnSummary } from '../machine/types.js';
import { toDialogueState, toSessionSummary, toTurnRecord } from './messages.js';
import { SilenceTracker } from './SilenceTracker.js';
import { PersonVoice } from './PersonVoice.js';
import {
  DialogueParameters,
  declareDialogueParameters,
  guardDialogueParameters,
  readCancelTimeoutMs,
  readDialogueConfig,
  readPersonVoiceSettings,
} from './parameters.js';
import { SafetyGate, type SafetyGateOptions } from './SafetyGate.js';
import { SessionContent } from '../summary/SessionContent.js';

export interface DialogueNodeOptions {
  /** Said when generation or speech fails (the robot profile's words, later). */
  readonly apology?: string;
  /** Makes session ids; a short random id by default. */
  readonly createSessionId?: () => string;
  /** The safety screen's alert ids and screener (tests give fixed ids). */
  readonly safety?: SafetyGateOptions;
  /** Timers for how long the person's voice lasts; the node's clock and real timers by default. */
  readonly voiceTimers?: Timers;
}

/**
 * The dialogue node: runs the dialogue machine on the graph. Wake words, final transcripts,
 * caregiver commands and gestures come in as events; replies are generated and spoken through
 * the llm's and tts's actions; the state (transient local) and one record per turn go out.
 */
export class DialogueNode implements Disposable {
  private readonly actor: Actor<DialogueMachine>;
  private readonly statePublisher: Publisher<DialogueState>;
  private readonly turnPublisher: Publisher<TurnRecord>;
  private readonly sessionPublisher: Publisher<SessionSummary>;
  private readonly silence: SilenceTracker;
  private readonly parameterListener: Disposable;
  private readonly parameterGuard: Disposable;
  private readonly safety: SafetyGate;
  private readonly voice: PersonVoice;
  /** The open session's topics and strategies, for its summary. */
  private readonly content = new SessionContent();
  private disposed = false;

  constructor(
    private readonly node: GraphNode,
    options: DialogueNodeOptions = {},
  ) {
    const config: Partial<DialogueConfig> = {
      ...declareDialogueParameters(node),
      ...(options.apology === undefined ? {} : { apology: options.apology }),
    };
    this.parameterGuard = guardDialogueParameters(node);
    this.statePublisher = node.createPublisher(DialogueStateType, Topics.dialogueState, Qos.state);
    this.turnPublisher = node.createPublisher(TurnRecordType, Topics.dialogueTurn, Qos.events);
    this.sessionPublisher = node.createPublisher(
      SessionSummaryType,
      Topics.sessionSummary,
      Qos.events,
    );

    // The wait for silence is a second net behind the say actor's own wait for each cancel.
    this.silence = new SilenceTracker({
      logger: node.logger,
      timeoutMs: () => 2 * readCancelTimeoutMs(node),
    });
    const generate = node.createActionClient(GenerateAction, Actions.generate);
    const say = node.createActionClient(SayAction, Actions.say);
    const machine = dialogueMachine.provide({
      actors: {
        generate: createGenerateActor(generate, node.logger, (utteranceId) =>
          this.silence.takeWordsSpoken(utteranceId),
        ),
        say: createSayActor(say, node.logger, (silenced) => this.silence.track(silenced), {
          cancelTimeoutMs: () => readCancelTimeoutMs(node),
        }),
      },
    });
    this.actor = createActor(machine, {
      systemId: DIALOGUE_SYSTEM_ID,
      input: {
        config,
        now: () => node.clock.nowMs(),
        ...(options.createSessionId === undefined
          ? {}
          : { createSessionId: options.createSessionId }),
      },
    });
    this.actor.on('state.changed', (change) => {
      node.logger.debug('dialogue state', { state: change.state, event: change.event });
      this.statePublisher.publish(toDialogueState(change, node.clock.now()));
    });
    this.actor.on('turn.ended', ({ turn }) => {
      // A failed turn says what the robot gave up on (an llm or tts that did not answer...).
      if (turn.failure !== '') node.logger.warn('turn failed', { failure: turn.failure });
      node.logger.info('turn ended', {
        session: turn.sessionId,
        turn: turn.turnIndex,
        outcome: turn.outcome,
        risk: turn.risk.level,
        ...(turn.replyGuarded ? { guardRules: turn.guardRules } : {}),
      });
      this.content.record(turn);
      this.publishTurn(turn);
    });
    this.actor.on('session.ended', ({ summary }) => {
      node.logger.info('session ended', {
        session: summary.sessionId,
        reason: summary.reason,
        turns: summary.turns,
      });
      this.sessionPublisher.publish(
        toSessionSummary(summary, node.clock.now(), this.content.take(summary.sessionId)),
      );
      this.safety.sessionEnded(summary.sessionId);
    });
    this.actor.subscribe({
      error: (error: unknown) =>
        node.logger.error('the dialogue machine stopped on an error', { error: String(error) }),
    });
    // A user turn starts in `thinking`: one taken from a moderate partial still gets its notice.
    let lastState = this.actor.getSnapshot().context.state;
    this.actor.subscribe((snapshot) => {
      const state = snapshot.context.state;
      if (state === 'thinking' && lastState !== 'thinking') this.safety.userTurnStarted();
      lastState = state;
    });
    this.safety = new SafetyGate(
      node,
      (event) => this.send(event),
      () => {
        const { context } = this.actor.getSnapshot();
        return {
          state: context.state,
          sessionId: context.sessionId,
          turnIndex: context.turnIndex,
        };
      },
      options.safety,
    );
    this.actor.start();
    this.voice = new PersonVoice(
      (event) => this.send(event),
      () => readPersonVoiceSettings(node),
      options.voiceTimers ?? systemTimers(() => node.clock.nowMs()),
    );

    node.createSubscription(WakeWordType, Topics.wakeWord, (wake) =>
      this.send({ type: 'wake.detected', phrase: wake.phrase, bargeIn: wake.barge_in }),
    );
    // Every transcript is screened before the machine, and so the llm, sees it.
    node.createSubscription(TranscriptType, Topics.transcript, (transcript) => {
      if (!this.disposed) this.safety.onTranscript(transcript.text, transcript.is_final);
    });
    node.createSubscription(CaregiverCommandType, Topics.caregiverCommand, (command) =>
      this.onCaregiver(command),
    );
    // The affect node's estimate per turn: the session summary's mood at start and end.
    node.createSubscription(AffectType, Topics.affect, (affect) =>
      this.send({
        type: 'affect.estimated',
        sessionId: affect.session_id,
        emotion: affect.emotion,
        intensity: affect.intensity,
      }),
    );
    // audio_in's voice activity: the person's voice (not the robot's own) dates the end of
    // speech and, with barge_in_on_speech, interrupts once it outlasts a backchannel.
    node.createSubscription(
      VoiceActivityType,
      Topics.voiceActivity,
      (activity) =>
        this.voice.hear(activity.event, timeToMs(activity.stamp), timeToMs(activity.segment_start)),
      Qos.events,
    );
    node.createSubscription(
      SpeechEventType,
      Topics.ttsEvents,
      (speech) => {
        if (speech.kind === 'start' || speech.kind === 'end')
          this.voice.robotSpeech(speech.kind, node.clock.nowMs());
      },
      Qos.events,
    );
    node.createSubscription(GestureCommandType, Topics.gestureCommand, (gesture) => {
      // A `stop` command ends a looping gesture (idle breathing on waking) and a `preview` is the
      // web console's: neither is part of the turn.
      if (gesture.reason === GestureReason.stop || gesture.reason === GestureReason.preview) return;
      this.send({ type: 'gesture.performed', name: gesture.name });
    });
    node.createService(GetDialogueStateService, Services.getDialogueState, () => this.describe());
    this.parameterListener = node.onParametersChanged(() =>
      this.send({ type: 'config.changed', config: readDialogueConfig(node) }),
    );
  }

  /** The public state now. */
  get state(): DialogueStateName {
    return this.actor.getSnapshot().context.state;
  }

  /** Feeds an event to the machine directly (e.g. `user.bargeIn` for a `/interrupt` directive). */
  send(event: DialogueEvent): void {
    if (!this.disposed) this.actor.send(event);
  }

  /** Stops the machine (cancelling generation and speech in flight) and destroys the node. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.parameterListener.dispose();
    this.parameterGuard.dispose();
    this.voice.dispose();
    // Frees the risk classifier's model in the background; the node goes down at once.
    void this.safety.dispose();
    this.actor.stop();
    this.node.destroy();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  private describe(): GetDialogueStateResponse {
    const { context } = this.actor.getSnapshot();
    return GetDialogueStateService.response.create({
      state: context.state,
      session_id: context.sessionId,
      turn_index: context.turnIndex,
    });
  }

  private onCaregiver(command: CaregiverCommand): void {
    switch (command.verb) {
      case 'pause':
        return this.send({ type: 'caregiver.pause' });
      case 'resume':
        return this.send({ type: 'caregiver.resume' });
      case 'end-session':
        return this.send({
          type: 'session.end',
          reason: `ended by ${command.issued_by || 'a caregiver'}`,
        });
      case 'say':
        return this.send({ type: 'caregiver.say', text: command.text });
      case 'ack-alert':
        return this.send({ type: 'caregiver.ackAlert', alertId: command.alert_id });
      case 'set-quiet-hours':
        return this.setQuietHours(command.text, command.issued_by);
      default:
        this.node.logger.warn('unknown caregiver command ignored', { verb: command.verb });
    }
  }

  /**
   * A caregiver's quiet hours ("HH:MM-HH:MM", or "" for none) become this node's own parameters,
   * so they apply like a `ros2 param set` (the parameter guard refuses malformed times).
   */
  private setQuietHours(text: string, issuedBy: string): void {
    const [start = '', end = ''] = text === '' ? [] : text.split('-');
    const results = this.node.setParameters({
      [DialogueParameters.quietHoursStart]: start,
      [DialogueParameters.quietHoursEnd]: end,
    });
    const refused = results.find((result) => !result.successful);
    if (refused) {
      this.node.logger.warn('caregiver quiet hours refused', { text, reason: refused.reason });
      return;
    }
    this.node.logger.info('quiet hours set by a caregiver', { start, end, issuedBy });
  }

  /**
   * An interrupted turn is published once the robot is silent (every cancelled say goal has
   * ended), with the time from the barge-in to that silence; other turns at once.
   */
  private publishTurn(turn: TurnSummary): void {
    const bargeInAt = turn.timings.bargeInAt;
    if (!turn.interrupted || bargeInAt === null) {
      this.turnPublisher.publish(toTurnRecord(turn, this.node.clock.now()));
      return;
    }
    // The machine stops the say actor as it leaves the state; let that cancel be tracked first.
    setImmediate(() => {
      void this.silence.whenSilent().then(() => {
        if (this.disposed) return;
        const silentAfter = Math.max(0, this.node.clock.nowMs() - bargeInAt);
        const cutAudio = this.silence.takeAudio(turn.speechId);
        const said =
          turn.audioPath === '' && cutAudio !== '' ? { ...turn, audioPath: cutAudio } : turn;
        this.turnPublisher.publish(toTurnRecord(said, this.node.clock.now(), silentAfter));
      });
    });
  }
}
