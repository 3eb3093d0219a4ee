import type {
  Disposable,
  GraphNode,
  ParameterChange,
  ParameterValue,
  Publisher,
} from '@hearth/graph';
import { Qos } from '@hearth/graph';
import {
  AffectType,
  DialogueStateType,
  FaceCommandType,
  GestureCommandType,
  GestureReason,
  JointTrajectoryType,
  MicGateType,
  SpeechEventType,
  Topics,
  TranscriptType,
  VoiceActivityType,
  type Affect,
  type DialogueState,
  type FaceCommand,
  type GestureCommand,
  type JointTrajectory as JointTrajectoryMessage,
  type MicGate,
  type SpeechEvent,
  type Time,
  type Transcript,
  type VoiceActivity,
} from '@hearth/interfaces';
import { chooseGesture, type GestureChoice } from '../choose/chooseGesture.js';
import { inferStrategy } from '../choose/inferStrategy.js';
import { strokeWord } from '../choose/strokeWord.js';
import { visemeMouth } from '../lipsync/visemeMouth.js';
import {
  activeListening,
  initialListeningState,
  type ListeningEvent,
  type ListeningState,
} from '../listen/activeListening.js';
import { PersonVoice } from '../listen/PersonVoice.js';
import { checkTrajectoryLimits } from '../profile/checkTrajectoryLimits.js';
import type { GestureMapping, GestureProfile } from '../profile/GestureProfile.js';
import { gestureTrajectory } from '../profile/gestureTrajectory.js';
import { loadGestureProfileSync } from '../profile/loadGestureProfile.js';
import { rosJointTrajectory } from '../profile/rosJointTrajectory.js';
import {
  GestureScheduler,
  type GestureRequest,
  type SchedulerEvent,
} from '../schedule/GestureScheduler.js';
import { MicGateController } from '../schedule/MicGateController.js';
import { systemTimers, type TimerHandle, type Timers } from '../schedule/Timers.js';
import { WordAligner } from '../timing/WordAligner.js';
import {
  declareGestureParameters,
  parseGestureIntensities,
  readGestureSettings,
  type GestureSettings,
} from './gestureParameters.js';
import { applyMappingOverrides } from './mappingOverrides.js';

/** Where the node publishes the joint trajectories it performs, unless `trajectory_topic` says. */
export const DEFAULT_TRAJECTORY_TOPIC = '/hearth/gesture/joint_trajectory';

/** Why a gesture was asked for; state gestures are stopped when the state is left. */
type Origin = 'sentence' | 'state' | 'affect' | 'backchannel';

interface Planned {
  readonly reason: string;
  readonly origin: Origin;
  readonly intensity: number;
  readonly sentence: string;
  readonly face: string;
}

export interface GestureNodeOptions {
  /** Clock and timers for scheduling; tests pass a fake clock. */
  readonly timers?: Timers;
}

/** What a profile and the mapping parameters make together, rebuilt when either changes. */
interface Tuning {
  readonly profile: GestureProfile;
  readonly mapping: GestureMapping;
  readonly gestureIntensities: ReadonlyMap<string, number>;
  readonly settings: GestureSettings;
}

/**
 * The gesture node. It chooses gestures from the dialogue state, each spoken sentence (cue,
 * strategy), the person's estimated affect and the tts events, and plays them through a
 * scheduler that keeps layers from fighting: gestures on different joints play together, a
 * higher priority interrupts a lower one on shared joints, others wait. The face (expression and
 * lip-sync from visemes) is its own layer on FaceCommand. While the person speaks it nods on
 * pauses (active listening); while gestures move it can close the microphone (MicGate).
 * Each gesture start publishes a GestureCommand naming it and, for a keyframed gesture, the
 * JointTrajectory it performs (scaled, limit-checked) on `trajectory_topic`, for a robot's
 * controller; a robot's own animation is played by its driver from the command. Sentence
 * gestures start on the tts word they go with. A command with reason `stop` ends a loop.
 */
export class GestureNode {
  private tuning: Tuning;
  private readonly commands: Publisher<GestureCommand>;
  private readonly faces: Publisher<FaceCommand>;
  private readonly micGatePublisher: Publisher<MicGate>;
  private readonly trajectories: Publisher<JointTrajectoryMessage>;
  /** Sentence gestures waiting for the tts word they go with. */
  private readonly aligner: WordAligner<() => void>;
  /** A looping gesture's next cycle, republished while it plays (a controller plays once). */
  private readonly loopCycles = new Map<GestureRequest<Planned>, TimerHandle>();
  /** The face expression last published, which a listening cue's expression returns to. */
  private expression = '';
  private readonly hooks: Disposable[] = [];
  private readonly timers: Timers;
  private readonly scheduler: GestureScheduler<Planned>;
  private readonly micGate: MicGateController;
  private readonly pending = new Set<TimerHandle>();
  private state: string | undefined;
  private affect: Affect | undefined;
  private listening: ListeningState = initialListeningState;
  private silenceCheck: TimerHandle | undefined;
  /** The person's voice in audio_in's voice activity, told from the robot's own. */
  private readonly voice = new PersonVoice();
  /** The person is speaking now, by voice activity: no pause to nod on. */
  private voiceActive = false;
  private disposed = false;
  /** A tuning built by the parameter validator, applied once the change is accepted. */
  private pendingTuning: Tuning | undefined;

  constructor(
    private readonly node: GraphNode,
    profile: GestureProfile,
    options: GestureNodeOptions = {},
  ) {
    this.timers = options.timers ?? systemTimers(() => node.clock.nowMs());
    // Wiring, not tuning: read once, as a ROS 2 remapping would be (a robot points it at its
    // controller's topic in its parameters file).
    const trajectoryTopic = node.declareParameter('trajectory_topic', DEFAULT_TRAJECTORY_TOPIC, {
      description:
        "Topic of the JointTrajectory messages the node performs, e.g. a robot's /head_controller/joint_trajectory (read at start).",
      kind: 'string',
      readOnly: true,
    });
    const gesturesFile = node.declareParameter('gestures_file', profile.file, {
      description:
        "Path of the robot profile's gestures.yaml; changing it loads and validates the new file.",
      kind: 'string',
    });
    // A parameters file that names another gestures file wins over the profile passed in.
    if (gesturesFile !== profile.file) profile = loadGestureProfileSync(gesturesFile);
    declareGestureParameters(node);
    // Parameters from the robot's file are checked against the profile now, so a bad mapping
    // fails at start rather than at the first gesture.
    this.tuning = this.buildTuning(profile, node.getParameters());
    this.hooks.push(node.addParameterValidator((changes) => this.validate(changes)));
    this.hooks.push(node.onParametersChanged((changes) => this.applyChanges(changes)));

    this.scheduler = new GestureScheduler<Planned>(this.timers, (event) => this.onSchedule(event));
    this.aligner = new WordAligner<() => void>(this.timers, (perform, by) => {
      if (by === 'no_word_timing') node.logger.debug('no tts word timing: gesture on the sentence');
      this.later(this.tuning.settings.speechOffsetMs, perform);
    });
    this.micGate = new MicGateController(
      this.timers,
      (open, reason) =>
        this.micGatePublisher.publish(
          MicGateType.create({ stamp: node.clock.now(), open, reason }),
        ),
      this.tuning.settings.micGateTailMs,
    );
    this.commands = node.createPublisher(GestureCommandType, Topics.gestureCommand, Qos.events);
    this.faces = node.createPublisher(FaceCommandType, Topics.faceCommand, Qos.events);
    this.micGatePublisher = node.createPublisher(MicGateType, Topics.micGate, Qos.state);
    this.trajectories = node.createPublisher(JointTrajectoryType, trajectoryTopic, Qos.events);
    node.createSubscription(
      SpeechEventType,
      Topics.ttsEvents,
      (event) => this.onSpeechEvent(event),
      Qos.events,
    );
    node.createSubscription(
      DialogueStateType,
      Topics.dialogueState,
      (state) => this.onDialogueState(state),
      Qos.state,
    );
    node.createSubscription(
      TranscriptType,
      Topics.transcript,
      (transcript) => this.onTranscript(transcript),
      Qos.events,
    );
    node.createSubscription(
      AffectType,
      Topics.affect,
      (affect) => this.onAffect(affect),
      Qos.events,
    );
    node.createSubscription(
      VoiceActivityType,
      Topics.voiceActivity,
      (activity) => this.onVoiceActivity(activity),
      Qos.events,
    );
  }

  /** The profile in use (after any change of `gestures_file`). */
  get currentProfile(): GestureProfile {
    return this.tuning.profile;
  }

  /** The mapping in use: the profile's, with the mapping parameters laid over it. */
  get currentMapping(): GestureMapping {
    return this.tuning.mapping;
  }

  /** Names of the gestures playing now. */
  get playing(): readonly string[] {
    return this.scheduler.active.map((request) => request.name);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const hook of this.hooks.splice(0)) hook.dispose();
    for (const handle of this.pending) this.timers.clearTimeout(handle);
    this.pending.clear();
    if (this.silenceCheck !== undefined) this.timers.clearTimeout(this.silenceCheck);
    this.scheduler.dispose();
    this.aligner.dispose();
    for (const handle of this.loopCycles.values()) this.timers.clearTimeout(handle);
    this.loopCycles.clear();
    this.micGate.dispose();
  }

  // ----------------------------------------------------------------------------------------
  // Parameters

  private buildTuning(profile: GestureProfile, values: Record<string, ParameterValue>): Tuning {
    const settings = readGestureSettings(values);
    const mapping = applyMappingOverrides(profile, {
      strategy: settings.strategyGestures,
      state: settings.stateGestures,
      affect: settings.affectGestures,
    });
    const gestureIntensities = parseGestureIntensities(
      settings.gestureIntensities,
      new Set(profile.gestures.keys()),
    );
    return { profile, mapping, gestureIntensities, settings };
  }

  private validate(changes: readonly ParameterChange[]): { successful: boolean; reason?: string } {
    try {
      const values: Record<string, ParameterValue> = { ...this.node.getParameters() };
      for (const change of changes) values[change.name] = change.value;
      const fileChange = changes.find((change) => change.name === 'gestures_file');
      const profile = fileChange
        ? loadGestureProfileSync(String(fileChange.value))
        : this.tuning.profile;
      this.pendingTuning = this.buildTuning(profile, values);
      return { successful: true };
    } catch (error) {
      this.pendingTuning = undefined;
      return { successful: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  private applyChanges(changes: readonly ParameterChange[]): void {
    const next =
      this.pendingTuning ?? this.buildTuning(this.tuning.profile, this.node.getParameters());
    this.pendingTuning = undefined;
    this.tuning = next;
    this.micGate.setTailMs(next.settings.micGateTailMs);
    if (changes.some((change) => change.name === 'mic_gate_enabled' && change.value === false))
      this.micGate.release('mic gating switched off');
    if (!next.settings.enabled) this.scheduler.cancel(() => true);
  }

  // ----------------------------------------------------------------------------------------
  // Inputs

  private onSpeechEvent(event: SpeechEvent): void {
    const { settings } = this.tuning;
    if (event.kind === 'start' || event.kind === 'end')
      this.voice.robotSpeech(event.kind, this.node.clock.nowMs());
    if (event.kind === 'viseme') {
      if (settings.lipSyncEnabled)
        this.later(settings.lipSyncOffsetMs, () =>
          this.publishFace({
            jaw_open: Math.min(1, visemeMouth(event.viseme) * settings.lipSyncGain),
            viseme: event.viseme,
            utterance_id: event.utterance_id,
          }),
        );
      return;
    }
    if (event.kind === 'word') {
      this.aligner.word(event.utterance_id, event.text);
      return;
    }
    if (event.kind === 'end') {
      if (this.aligner.end(event.utterance_id))
        this.node.logger.debug('sentence over before its gesture word', { text: event.text });
      if (settings.lipSyncEnabled)
        this.later(settings.lipSyncOffsetMs, () =>
          this.publishFace({ jaw_open: 0, viseme: '', utterance_id: event.utterance_id }),
        );
      return;
    }
    if (event.kind !== 'start') return;
    // The model's own strategy for the reply (from the Say goal) wins; a guess from the words
    // only stands in when the start event carries none.
    const strategy =
      event.strategy || (settings.inferStrategy ? inferStrategy(event.text) : undefined);
    const choice = chooseGesture(
      {
        sentence: event.text,
        state: this.state,
        ...(strategy ? { strategy } : {}),
        ...(this.strongAffect() ? { affect: this.affect?.emotion ?? '' } : {}),
      },
      this.tuning.profile,
      this.tuning.mapping,
    );
    if (!choice) return;
    const perform = (): void => this.perform(choice, 'sentence', event.text);
    const stroke = settings.alignToWords ? strokeWord(event.text, choice.cue) : undefined;
    if (stroke) this.aligner.expect(event.utterance_id, stroke, perform, settings.wordWaitMs);
    else this.later(settings.speechOffsetMs, perform);
  }

  private onDialogueState(message: DialogueState): void {
    if (message.state === this.state) return;
    const previous = this.state;
    this.state = message.state;
    // A state's postures and idle motions end with it.
    if (previous !== undefined)
      this.scheduler.cancel((request) => request.payload.origin === 'state');
    if (message.state === 'asleep') this.affect = undefined;
    this.listen({
      kind: 'listening',
      listening: message.state === 'listening' || message.state === 'followUp',
      atMs: this.timers.nowMs(),
    });
    for (const name of this.tuning.mapping.state.get(message.state) ?? []) {
      this.perform(
        { name, reason: 'state', rule: 'state', priority: this.priorityOf(name) },
        'state',
        '',
      );
    }
  }

  private onTranscript(transcript: Transcript): void {
    if (transcript.is_final) {
      this.listen({ kind: 'final', atMs: this.timers.nowMs() });
      return;
    }
    this.listen({ kind: 'speech', atMs: this.timers.nowMs() });
    // Check for a pause once the person has been silent for the pause length.
    if (this.silenceCheck !== undefined) this.timers.clearTimeout(this.silenceCheck);
    this.silenceCheck = this.timers.setTimeout(() => {
      this.silenceCheck = undefined;
      // Recognition lags behind the voice: no pause while voice activity says they still speak.
      if (!this.voiceActive) this.listen({ kind: 'silence', atMs: this.timers.nowMs() });
    }, this.tuning.settings.backchannelPauseMs);
  }

  /**
   * audio_in's voice activity drives active listening like partial transcripts do: a segment's
   * start is speech; its end begins a pause, dated by the message's stamp (the end of the voice,
   * which the detector's hangover reports late), so the nod comes `backchannel_pause_ms` after
   * the person fell silent.
   */
  private onVoiceActivity(activity: VoiceActivity): void {
    const cue = this.voice.hear(
      activity.event,
      timeToMs(activity.stamp),
      timeToMs(activity.segment_start),
    );
    this.voiceActive = cue.kind === 'speaking';
    if (cue.kind === 'ignored') return;
    if (this.silenceCheck !== undefined) this.timers.clearTimeout(this.silenceCheck);
    this.silenceCheck = undefined;
    const now = this.timers.nowMs();
    if (cue.kind === 'speaking') {
      this.listen({ kind: 'speech', atMs: now });
      return;
    }
    const pauseMs = this.tuning.settings.backchannelPauseMs;
    const silentFor = Math.min(pauseMs, Math.max(0, this.node.clock.nowMs() - cue.endedAtMs));
    this.listen({ kind: 'speech', atMs: now - silentFor });
    this.silenceCheck = this.timers.setTimeout(() => {
      this.silenceCheck = undefined;
      this.listen({ kind: 'silence', atMs: this.timers.nowMs() });
    }, pauseMs - silentFor);
  }

  private onAffect(affect: Affect): void {
    this.affect = affect;
    if (!this.strongAffect()) return;
    const choice = chooseGesture(
      { affect: affect.emotion },
      this.tuning.profile,
      this.tuning.mapping,
    );
    if (choice) this.perform(choice, 'affect', '');
  }

  private listen(event: ListeningEvent): void {
    const { settings } = this.tuning;
    const next = activeListening(this.listening, event, {
      pauseMs: settings.backchannelPauseMs,
      minIntervalMs: settings.backchannelIntervalMs,
    });
    this.listening = next.state;
    if (!next.cue || !settings.backchannelEnabled) return;
    this.softFace();
    const { profile, mapping } = this.tuning;
    const name = profile.gestures.has(settings.backchannelGesture)
      ? settings.backchannelGesture
      : mapping.default;
    this.perform(
      { name, reason: 'state', rule: 'state', priority: this.priorityOf(name) },
      'backchannel',
      '',
    );
  }

  /**
   * The listening cue's face (e.g. warm) on its own layer, so it shows even when the nod must
   * wait; after `backchannel_face_ms` the previous expression returns, unless another came.
   */
  private softFace(): void {
    const { settings, profile } = this.tuning;
    const face = settings.backchannelFace;
    if (!face || !profile.faceExpressions.includes(face)) return;
    const previous = this.expression;
    this.publishFace({ expression: face });
    if (settings.backchannelFaceMs <= 0 || !previous || previous === face) return;
    this.later(settings.backchannelFaceMs, () => {
      if (this.expression === face) this.publishFace({ expression: previous });
    });
  }

  // ----------------------------------------------------------------------------------------
  // Output

  private strongAffect(): boolean {
    return (
      this.affect !== undefined &&
      this.affect.emotion !== 'neutral' &&
      this.affect.intensity >= this.tuning.settings.affectThreshold
    );
  }

  private priorityOf(name: string): number {
    return this.tuning.profile.gestures.get(name)?.priority ?? 0;
  }

  /** The command's intensity: the global one, the gesture's own, softened by negative affect. */
  private intensityOf(name: string): number {
    const { settings, gestureIntensities } = this.tuning;
    let intensity = settings.intensity * (gestureIntensities.get(name) ?? 1);
    if (this.affect && this.affect.valence < 0)
      intensity *= 1 - settings.affectSoftening * Math.min(1, this.affect.intensity);
    return intensity;
  }

  private perform(choice: GestureChoice, origin: Origin, sentence: string): void {
    const { profile, settings } = this.tuning;
    if (!settings.enabled || this.disposed) return;
    const gesture = profile.gestures.get(choice.name);
    if (!gesture) return;
    const request: GestureRequest<Planned> = {
      name: gesture.name,
      priority: gesture.priority,
      joints: gesture.joints,
      durationMs: gesture.durationS * 1000,
      loop: gesture.loop,
      // State postures wait as long as needed; the rest is only worth doing near its moment.
      maxWaitMs: origin === 'state' ? Infinity : settings.maxWaitMs,
      // Speech moves on: a sentence's gesture replaces an earlier sentence's (or an affect
      // gesture's) of equal priority rather than wait behind it and land on a later sentence.
      ...(origin === 'sentence'
        ? {
            supersedes: (playing: GestureRequest<Planned>) =>
              playing.payload.origin === 'sentence' || playing.payload.origin === 'affect',
          }
        : {}),
      payload: {
        reason: origin === 'backchannel' ? 'backchannel' : choice.reason,
        origin,
        intensity: this.intensityOf(gesture.name),
        sentence,
        face: gesture.face,
      },
    };
    const outcome = this.scheduler.request(request);
    this.node.logger.debug('gesture', { name: choice.name, rule: choice.rule, outcome });
  }

  private onSchedule(event: SchedulerEvent<Planned>): void {
    const { request } = event;
    const gates =
      this.tuning.settings.micGateEnabled &&
      request.joints.length > 0 &&
      request.priority >= this.tuning.settings.micGateMinPriority;
    if (event.kind === 'started') {
      this.commands.publish(
        GestureCommandType.create({
          stamp: this.node.clock.now(),
          name: request.name,
          reason: request.payload.reason,
          priority: request.priority,
          intensity: request.payload.intensity,
          sentence: request.payload.sentence,
          start_offset_ms: 0,
        }),
      );
      this.publishTrajectory(request);
      if (request.payload.face) this.publishFace({ expression: request.payload.face });
      if (gates) this.micGate.motionStarted(request, request.name);
      return;
    }
    this.endCycles(request);
    if (event.kind === 'interrupted' && request.loop && event.by === undefined) {
      this.commands.publish(
        GestureCommandType.create({
          stamp: this.node.clock.now(),
          name: request.name,
          reason: GestureReason.stop,
          priority: request.priority,
          intensity: 0,
        }),
      );
    }
    if (event.kind !== 'dropped') this.micGate.motionEnded(request);
    else this.node.logger.debug('gesture dropped', { name: request.name, reason: event.reason });
  }

  /**
   * The gesture's joint motion, scaled by the command's intensity and checked against the
   * limits, as one JointTrajectory on `trajectory_topic` (only the joints it moves, so layers on
   * other joints go on). A looping gesture is sent again each cycle while it plays. A robot's own
   * named animation has no trajectory: the GestureCommand alone names it.
   */
  private publishTrajectory(request: GestureRequest<Planned>): void {
    const { profile } = this.tuning;
    const gesture = profile.gestures.get(request.name);
    if (!gesture || gesture.animation || gesture.keyframes.length === 0) return;
    const trajectory = gestureTrajectory(profile, request.name, request.payload.intensity);
    try {
      checkTrajectoryLimits(profile, trajectory);
    } catch (error) {
      this.node.logger.error('gesture trajectory refused', { error: String(error) });
      return;
    }
    this.trajectories.publish(rosJointTrajectory(trajectory));
    if (!request.loop || gesture.durationS <= 0) return;
    const handle = this.timers.setTimeout(() => {
      this.loopCycles.delete(request);
      if (!this.disposed && this.scheduler.active.includes(request))
        this.publishTrajectory(request);
    }, gesture.durationS * 1000);
    this.loopCycles.set(request, handle);
  }

  private endCycles(request: GestureRequest<Planned>): void {
    const handle = this.loopCycles.get(request);
    if (handle === undefined) return;
    this.timers.clearTimeout(handle);
    this.loopCycles.delete(request);
  }

  private publishFace(fields: Partial<FaceCommand>): void {
    if (this.disposed) return;
    if (fields.expression) this.expression = fields.expression;
    this.faces.publish(FaceCommandType.create({ ...fields, stamp: this.node.clock.now() }));
  }

  /** Runs `action` after `delayMs` (at once for 0), unless the node is disposed first. */
  private later(delayMs: number, action: () => void): void {
    if (delayMs <= 0) {
      action();
      return;
    }
    const handle = this.timers.setTimeout(() => {
      this.pending.delete(handle);
      if (!this.disposed) action();
    }, delayMs);
    this.pending.add(handle);
  }
}

function timeToMs(time: Time): number {
  return time.sec * 1000 + time.nanosec / 1e6;
}
