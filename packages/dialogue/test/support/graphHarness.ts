import {
  createInProcessTransport,
  LogCapture,
  type GraphNode,
  type GraphTransport,
} from '@hearth/graph';
import {
  Actions,
  CaregiverCommandType,
  DialogueStateType,
  SessionSummaryType,
  type SessionSummary,
  GenerateAction,
  GestureCommandType,
  SayAction,
  SpeechEventType,
  timeFromMs,
  Topics,
  TranscriptType,
  TurnRecordType,
  VoiceActivityType,
  WakeWordType,
  type DialogueState,
  type GenerateGoal,
  SafetyAlertType,
  type SafetyAlert,
  type SayGoal,
  type TurnRecord,
} from '@hearth/interfaces';
import { Qos } from '@hearth/graph';
import { DialogueNode, type SafetyGateOptions } from '../../src/index.js';

/**
 * Polls until `check` holds; fails with `what` after `timeoutMs` (a hang, not a speed check).
 * Kept apart from tests/support/until.ts although it reads the same: with that one,
 * safety.node.test's "a partial at high risk" case timed out when its whole file ran (not alone),
 * a timing race in that suite not yet understood.
 */
export async function until(what: string, check: () => boolean, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

export interface LlmScript {
  /** Sentences streamed as feedback, then the result (unless `hold`). */
  readonly sentences: readonly string[];
  /** Keep the goal open after the sentences until it is cancelled. */
  readonly hold?: boolean;
}

/**
 * The dialogue node on an in-process graph with fake llm and tts servers (each recording its goals
 * and cancels), a fake gesture node, and a tester node that plays the person.
 */
export class DialogueHarness {
  readonly transport: GraphTransport;
  readonly dialogue: DialogueNode;
  /** The dialogue node's GraphNode, e.g. to set its parameters as `ros2 param set` would. */
  readonly dialogueGraphNode: GraphNode;
  readonly tester: GraphNode;
  readonly states: DialogueState[] = [];
  /** Replies to the person, in order. */
  readonly turns: TurnRecord[] = [];
  /** Robot-initiated speech (greeting, check-in, re-prompt, a caregiver's say), in order. */
  readonly robotTurns: TurnRecord[] = [];
  readonly generateGoals: GenerateGoal[] = [];
  readonly sayGoals: SayGoal[] = [];
  /** The session-opening words (the AI notice): kept apart from sayGoals, and never held. */
  readonly openings: SayGoal[] = [];
  readonly alerts: SafetyAlert[] = [];
  readonly cancelled: string[] = [];
  readonly sessions: SessionSummary[] = [];
  /** Every speech event, in order: `start:<id>` when a say goal begins, `cancelled:<id>` when it returns cancelled. */
  readonly speech: string[] = [];
  /** How long the fake tts takes to fall silent after a cancel. */
  cancelDelayMs = 0;
  llmScript: LlmScript = { sentences: ['Hello.'] };
  /** When set, speech stays open until cancelled. */
  holdSpeech = false;
  /** When set, only the say goals it picks stay open until cancelled (the rest finish). */
  holdSpeechWhen: ((goal: SayGoal) => boolean) | undefined;
  /** When set, reply say goals finish only once it settles (the robot is still speaking). */
  speechReleased: Promise<void> | undefined;
  /** Words a cancelled say goal reports spoken (the whole text when undefined). */
  wordsSpokenOnCancel: number | undefined;

  constructor(
    parameterOverrides: Record<string, number | boolean | string | string[]> = {},
    /** `safety`: the gate's options (e.g. a fake risk classifier); alert ids stay `alert-<n>`. */
    options: { withLlm?: boolean; safety?: SafetyGateOptions } = {},
  ) {
    this.transport = createInProcessTransport({
      logger: { level: 'warn', capture: new LogCapture() },
    });
    this.dialogueGraphNode = this.transport.createNode('dialogue', { parameterOverrides });
    let alerts = 0;
    this.dialogue = new DialogueNode(this.dialogueGraphNode, {
      createSessionId: () => 'sess',
      safety: { createAlertId: () => `alert-${++alerts}`, ...options.safety },
    });
    if (options.withLlm !== false) this.startLlm(this.transport.createNode('llm'));
    this.startTts(this.transport.createNode('tts'));
    this.tester = this.transport.createNode('tester');
    this.tester.createSubscription(
      DialogueStateType,
      Topics.dialogueState,
      (m) => this.states.push(m),
      Qos.state,
    );
    this.tester.createSubscription(
      TurnRecordType,
      Topics.dialogueTurn,
      (m) => (m.kind === 'reply' ? this.turns : this.robotTurns).push(m),
      Qos.events,
    );
    this.tester.createSubscription(
      SafetyAlertType,
      Topics.safetyAlert,
      (m) => this.alerts.push(m),
      Qos.events,
    );
    this.tester.createSubscription(
      SessionSummaryType,
      Topics.sessionSummary,
      (m) => this.sessions.push(m),
      Qos.events,
    );
  }

  caregiver(verb: string, text = '', alertId = ''): void {
    this.tester
      .createPublisher(CaregiverCommandType, Topics.caregiverCommand, Qos.events)
      .publish(CaregiverCommandType.create({ verb, text, alert_id: alertId, issued_by: 'test' }));
  }

  wake(): void {
    this.tester
      .createPublisher(WakeWordType, Topics.wakeWord, Qos.events)
      .publish(WakeWordType.create({ phrase: 'hey hearth', engine: 'console', score: 1 }));
  }

  say(text: string, isFinal = true): void {
    this.tester.createPublisher(TranscriptType, Topics.transcript, Qos.events).publish(
      TranscriptType.create({
        text,
        is_final: isFinal,
        confidence: 1,
        language: 'en-US',
        source: 'typed',
      }),
    );
  }

  /** audio_in's voice activity: a segment that started at `segmentStartMs`, this event at `atMs` (clock ms). */
  voice(event: 'start' | 'end', segmentStartMs: number, atMs = segmentStartMs): void {
    this.tester.createPublisher(VoiceActivityType, Topics.voiceActivity, Qos.events).publish(
      VoiceActivityType.create({
        stamp: timeFromMs(atMs),
        event,
        segment_start: timeFromMs(segmentStartMs),
        probability: 0.9,
        detector: 'energy',
      }),
    );
  }

  /** The tts's speech events, as the real tts node publishes them while it speaks. */
  robotSpeech(kind: 'start' | 'end'): void {
    this.tester
      .createPublisher(SpeechEventType, Topics.ttsEvents, Qos.events)
      .publish(SpeechEventType.create({ stamp: this.tester.clock.now(), utterance_id: 'u', kind }));
  }

  gesture(name: string, reason: string): void {
    this.tester
      .createPublisher(GestureCommandType, Topics.gestureCommand, Qos.events)
      .publish(GestureCommandType.create({ name, reason }));
  }

  get stateNames(): string[] {
    return this.states.map((s) => s.state);
  }

  async dispose(): Promise<void> {
    this.dialogue.dispose();
    await this.transport.shutdown();
  }

  private startLlm(node: GraphNode): void {
    node.createActionServer(GenerateAction, Actions.generate, async (goal) => {
      this.generateGoals.push(goal.goal);
      const { sentences, hold } = this.llmScript;
      for (const [index, sentence] of sentences.entries()) {
        await new Promise((resolve) => setImmediate(resolve));
        goal.publishFeedback(
          GenerateAction.feedback.create({
            sentence,
            sentence_index: index,
            strategy: 'Affirmation',
            first_token_ms: 5,
          }),
        );
      }
      if (hold) await new Promise((resolve) => goal.signal.addEventListener('abort', resolve));
      if (goal.signal.aborted) this.cancelled.push(`generate:${goal.goal.session_id}`);
      return GenerateAction.result.create({
        reply: sentences.join(' '),
        strategy: 'Affirmation',
        cancelled: goal.signal.aborted,
      });
    });
  }

  private startTts(node: GraphNode): void {
    const gestures = node.createPublisher(GestureCommandType, Topics.gestureCommand, Qos.events);
    node.createActionServer(SayAction, Actions.say, async (goal) => {
      const opening = goal.goal.utterance_id.includes('-greeting-');
      (opening ? this.openings : this.sayGoals).push(goal.goal);
      this.speech.push(`start:${goal.goal.utterance_id}`);
      goal.publishFeedback(
        SayAction.feedback.create({ event: 'started', offset_ms: 0, text: goal.goal.text }),
      );
      // The opening words get no gesture here, so each test's turn lists its reply's gestures only.
      if (!opening) {
        gestures.publish(
          GestureCommandType.create({
            name: `nod-${this.sayGoals.length}`,
            reason: 'sentence',
            sentence: goal.goal.text,
          }),
        );
      }
      await new Promise((resolve) => setImmediate(resolve));
      if (this.speechReleased !== undefined && !opening) await this.speechReleased;
      const hold = this.holdSpeechWhen?.(goal.goal) ?? this.holdSpeech;
      if (hold && !opening)
        await new Promise((resolve) => goal.signal.addEventListener('abort', resolve));
      if (goal.signal.aborted) {
        await new Promise((resolve) => setTimeout(resolve, this.cancelDelayMs));
        this.cancelled.push(`say:${goal.goal.utterance_id}`);
        this.speech.push(`cancelled:${goal.goal.utterance_id}`);
      }
      return SayAction.result.create({
        audio_path: `/tmp/${goal.goal.utterance_id}.wav`,
        group_audio_path: `/tmp/${goal.goal.group_id}.wav`,
        duration_ms: 400,
        words_spoken:
          goal.signal.aborted && this.wordsSpokenOnCancel !== undefined
            ? this.wordsSpokenOnCancel
            : goal.goal.text.split(' ').length,
        cancelled: goal.signal.aborted,
      });
    });
  }
}
