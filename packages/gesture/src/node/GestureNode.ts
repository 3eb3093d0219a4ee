import type {
  Disposable,
  GraphNode,
  ParameterChange,
  ParameterValue,
  Publisher,
} from '@hearth/graph';
import { Qos, systemTimers, type TimerHandle, type Timers } from '@hearth/graph';
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
import { approachFrom } from '../motion/approachFrom.js';
import { PoseTracker } from '../motion/PoseTracker.js';
import { AT_REST_RAD, REST_MOTION, restTrajectory } from '../motion/restTrajectory.js';
import type { GestureMapping, GestureProfile } from '../profile/GestureProfile.js';
import { gestureTrajectory, type JointTrajectory } from '../profile/gestureTrajectory.js';
import { loadGestureProfileSync } from '../profile/loadGestureProfile.js';
import { rosJointTrajectory } from '../profile/rosJointTrajectory.js';
import {
  GestureScheduler,
  type GestureRequest,
  type SchedulerEvent,
} from '../schedule/GestureScheduler.js';
import { MicGateController } from '../schedule/MicGateController.js';
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

/**
 * Where another node (the console) asks the gesture node to perform a gesture as a preview: a
 * GestureCommand naming it (its reason is ignored). A request of its own, not the shared
 * GestureCommand topic, so a robot's driver hears of the preview once, from the gesture node, when
 * it really starts.
 */
export const PREVIEW_REQUEST_TOPIC = Topics.gesturePreviewRequest;

/**
 * Why a gesture was asked for; state gestures are stopped when the state is left. `rest` is the
 * node's own return to the neutral pose, below every gesture's priority.
 */
type Origin = 'sentence' | 'state' | 'affect' | 'backchannel' | 'preview' | 'rest';

/** The scheduler priority of a return to rest: any gesture interrupts it. */
const REST_PRIORITY = -1;

interface Planned {
  readonly reason: string;
  readonly origin: Origin;
  readonly intensity: number;
  readonly sentence: string;
  readonly face: string;
  /** A return to rest's motion, planned from the pose when it was asked for. */
  readonly rest?: JointTrajectory;
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
 * JointTrajectory it performs on `trajectory_topic`, for a robot's controller: planned from the
 * joints' current commanded pose (its approach retimed to the velocity limits) and checked before
 * anything of the gesture is announced; a robot's own animation is played by its driver from the
 * command. Joints nothing holds any more return to rest (or, under a held posture, to the
 * posture's pose), below every gesture's priority. Sentence gestures start on the tts word they go
 * with. A command with reason `stop` ends a loop. A preview request from another node (the
 * console, on PREVIEW_REQUEST_TOPIC) is performed like the node's own gestures, through the
 * scheduler, planned from the current pose and checked, and announced when it starts with a
 * GestureCommand of reason `preview`, so a robot's driver gets each preview once.
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
  /** Where every joint was last commanded to be, so a gesture is planned from the real pose. */
  private readonly pose = new PoseTracker();
  /** Started by the scheduler but refused by the limit check: none of their events is sent. */
  private readonly refused = new Set<GestureRequest<Planned>>();
  /** Joints holding the current state's posture (lean_in, thinking_pose): no return to rest. */
  private readonly postureJoints = new Set<string>();
  /** Where the current state's keyframed postures hold their joints, to return to after overlays. */
  private readonly postureGoals = new Map<string, number>();
  /** While a state change cancels and starts gestures, the return to rest waits for the end. */
  private changingState = false;

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
      GestureCommandType,
      PREVIEW_REQUEST_TOPIC,
      (request) => this.onPreviewRequest(request),
      Qos.events,
    );
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
      sentenceCues: settings.sentenceCues,
      defaultGesture: settings.defaultGesture,
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
    // Another profile may name other joints: forget the old ones' commands.
    if (next.profile !== this.tuning.profile) this.pose.clear();
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

  /**
   * Performs another node's preview request (the console's): at the gesture's own priority and
   * the intensity asked for, announced with reason `preview` when it starts.
   */
  private onPreviewRequest(command: GestureCommand): void {
    if (!this.tuning.settings.enabled) {
      this.node.logger.warn('preview ignored: gestures are disabled', { name: command.name });
      return;
    }
    if (!this.tuning.profile.gestures.has(command.name)) {
      this.node.logger.warn('preview of an unknown gesture ignored', { name: command.name });
      return;
    }
    const intensity = Math.min(1, Math.max(0, command.intensity));
    this.perform(
      {
        name: command.name,
        reason: 'state',
        rule: 'state',
        priority: this.priorityOf(command.name),
      },
      'preview',
      '',
      intensity,
    );
  }

  private onDialogueState(message: DialogueState): void {
    if (message.state === this.state) return;
    const previous = this.state;
    this.state = message.state;
    this.changingState = true;
    // A state's postures and idle motions end with it; what they leave away from neutral goes
    // back to rest below, once the new state's gestures hold their joints.
    this.postureJoints.clear();
    this.postureGoals.clear();
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
    this.changingState = false;
    this.returnToRest();
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

  private perform(
    choice: GestureChoice,
    origin: Origin,
    sentence: string,
    intensity = this.intensityOf(choice.name),
  ): void {
    const { profile, settings } = this.tuning;
    if (!settings.enabled || this.disposed) return;
    const gesture = profile.gestures.get(choice.name);
    if (!gesture) return;
    // Check before anything is announced: a gesture no timing makes legal is refused here, and
    // nothing of it (command, face, mic gate, trajectory) is published.
    try {
      this.plan(gesture.name, intensity);
    } catch (error) {
      this.node.logger.error('gesture refused', { name: gesture.name, error: String(error) });
      return;
    }
    const request: GestureRequest<Planned> = {
      name: gesture.name,
      priority: gesture.priority,
      joints: gesture.joints,
      durationMs: gesture.durationS * 1000,
      loop: gesture.loop,
      // State postures wait as long as needed, and so does a preview someone asked for (behind
      // e.g. a robot's own animation on its joints); the rest is only worth doing near its moment.
      maxWaitMs: origin === 'state' || origin === 'preview' ? Infinity : settings.maxWaitMs,
      // Speech moves on: a sentence's gesture replaces an earlier sentence's (or an affect
      // gesture's) of equal priority rather than wait behind it and land on a later sentence.
      ...(origin === 'sentence'
        ? {
            supersedes: (playing: GestureRequest<Planned>) =>
              playing.payload.origin === 'sentence' || playing.payload.origin === 'affect',
          }
        : {}),
      // Someone at the console asked for it now: it replaces an equal passing gesture, never a
      // state's posture.
      ...(origin === 'preview'
        ? {
            supersedes: (playing: GestureRequest<Planned>) => playing.payload.origin !== 'state',
          }
        : {}),
      payload: {
        reason: origin === 'backchannel' || origin === 'preview' ? origin : choice.reason,
        origin,
        intensity,
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
      this.onStarted(request, gates);
      return;
    }
    // A refused gesture was never announced, so neither is its end.
    if (this.refused.delete(request)) return;
    this.endCycles(request);
    if (request.payload.origin === 'rest') return;
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
    // The interrupting gesture is not playing yet when its victim's event comes: keep its joints.
    this.returnToRest(event.kind === 'interrupted' ? (event.by?.joints ?? []) : []);
  }

  /**
   * A gesture the scheduler starts: its trajectory is planned from the current pose and checked
   * first; only a legal one is announced (command, trajectory, face, mic gate).
   */
  private onStarted(request: GestureRequest<Planned>, gates: boolean): void {
    let trajectory: JointTrajectory | undefined;
    try {
      trajectory = request.payload.rest ?? this.plan(request.name, request.payload.intensity);
    } catch (error) {
      // Only a profile changed since the gesture was asked for gets here (perform checked it).
      this.node.logger.error('gesture refused', { name: request.name, error: String(error) });
      this.refused.add(request);
      this.scheduler.cancel((candidate) => candidate === request);
      return;
    }
    // The motion planned from the current pose may outlast the authored length (a stretched
    // approach): the gesture, and the mic gate it closed, end with the motion.
    if (trajectory && trajectory.durationS * 1000 > request.durationMs)
      this.scheduler.retime(request, trajectory.durationS * 1000);
    if (request.payload.origin === 'state') {
      for (const joint of request.joints) this.postureJoints.add(joint);
      const last = trajectory?.points.at(-1);
      trajectory?.jointNames.forEach((joint, column) => {
        const position = last?.positions[column];
        if (position !== undefined) this.postureGoals.set(joint, position);
      });
    }
    // A return to rest is the node's own motion, not a gesture of the profile: no command.
    if (request.payload.origin !== 'rest')
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
    if (trajectory) this.sendTrajectory(request, trajectory);
    else this.recordAnimation(request);
    if (request.payload.origin === 'rest') return;
    if (request.payload.face) this.publishFace({ expression: request.payload.face });
    if (gates) this.micGate.motionStarted(request, request.name);
  }

  /** Where the profile's joints are commanded to be now. */
  private currentPose(): Map<string, number> {
    const neutrals = new Map(
      [...this.tuning.profile.joints.values()].map((joint) => [joint.name, joint.neutral]),
    );
    return this.pose.pose(neutrals, this.timers.nowMs());
  }

  /**
   * The keyframed gesture's joint motion, scaled by intensity, with its approach from the current
   * pose retimed to the velocity limits and the whole checked against the limits (throws
   * GestureLimitError); undefined for a robot's own named animation, which has no trajectory.
   */
  private plan(name: string, intensity: number): JointTrajectory | undefined {
    const { profile } = this.tuning;
    const gesture = profile.gestures.get(name);
    if (!gesture || gesture.animation || gesture.keyframes.length === 0) return undefined;
    return approachFrom(profile, gestureTrajectory(profile, name, intensity), this.currentPose());
  }

  /**
   * Publishes the planned motion as one JointTrajectory on `trajectory_topic` (only the joints it
   * moves, so layers on other joints go on) and records it as the joints' commanded motion. A
   * looping gesture is planned and sent again each cycle while it plays (a controller plays once).
   */
  private sendTrajectory(request: GestureRequest<Planned>, trajectory: JointTrajectory): void {
    const from = this.currentPose();
    this.trajectories.publish(rosJointTrajectory(trajectory));
    this.pose.record(trajectory, this.timers.nowMs(), from);
    if (!request.loop || trajectory.durationS <= 0) return;
    const handle = this.timers.setTimeout(() => {
      this.loopCycles.delete(request);
      if (this.disposed || !this.scheduler.active.includes(request)) return;
      try {
        const next = this.plan(request.name, request.payload.intensity);
        if (next) this.sendTrajectory(request, next);
      } catch (error) {
        this.node.logger.error('gesture refused', { name: request.name, error: String(error) });
      }
    }, trajectory.durationS * 1000);
    this.loopCycles.set(request, handle);
  }

  /**
   * A robot's own animation moves its `occupies` joints where the node cannot see; it is taken to
   * end where robots' animations end, at rest, so the next gesture is planned from there.
   */
  private recordAnimation(request: GestureRequest<Planned>): void {
    const { profile } = this.tuning;
    const joints = request.joints.flatMap((name) => {
      const joint = profile.joints.get(name);
      return joint ? [joint] : [];
    });
    if (joints.length === 0) return;
    this.pose.record(
      {
        gesture: request.name,
        jointNames: joints.map((joint) => joint.name),
        points: [
          {
            timeFromStartS: request.durationMs / 1000,
            positions: joints.map((joint) => joint.neutral),
          },
        ],
        loop: false,
        face: '',
        durationS: request.durationMs / 1000,
        animation: '',
      },
      this.timers.nowMs(),
      this.currentPose(),
    );
  }

  /**
   * Sends the joints that no gesture holds (playing or waiting) and that were left away from where
   * they rest back there: neutral, or the current state's keyframed posture's pose when it holds
   * them (an overlay such as a listening nod over lean_in ends at neutral). One trajectory, timed
   * by the velocity limits, at the lowest priority so any new gesture takes the joints over from
   * wherever they are. Joints a robot's own posture animation holds are left to it.
   */
  private returnToRest(alsoHeld: readonly string[] = []): void {
    if (this.changingState || this.disposed || !this.tuning.settings.enabled) return;
    const { profile } = this.tuning;
    const held = new Set([
      ...alsoHeld,
      ...[...this.postureJoints].filter((joint) => !this.postureGoals.has(joint)),
      ...this.scheduler.active.flatMap((request) => request.joints),
      // A gesture waiting for its joints (or an idle loop to resume) takes them over from here.
      ...this.scheduler.queued.flatMap((request) => request.joints),
    ]);
    const loose = [...profile.joints.values()]
      .filter(
        (joint) =>
          !held.has(joint.name) &&
          Math.abs(
            this.pose.targetOf(joint.name, joint.neutral) -
              (this.postureGoals.get(joint.name) ?? joint.neutral),
          ) > AT_REST_RAD,
      )
      .map((joint) => joint.name);
    const rest = restTrajectory(profile, loose, this.currentPose(), this.postureGoals);
    if (!rest) return;
    this.scheduler.request({
      name: REST_MOTION,
      priority: REST_PRIORITY,
      joints: rest.jointNames,
      durationMs: rest.durationS * 1000,
      loop: false,
      maxWaitMs: 0,
      payload: { reason: '', origin: 'rest', intensity: 1, sentence: '', face: '', rest },
    });
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
