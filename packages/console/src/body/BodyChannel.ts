/**
 * The console's view of the robot's body: loads the robot profile the gesture node uses (its
 * `gestures_file` parameter, reloaded when it changes), plays on the figure the very
 * JointTrajectory messages the gesture node sends the robot (on its `trajectory_topic`), names
 * the gestures the robot performs as its own animations (known only from their GestureCommand),
 * forwards the face layer, and asks the gesture node for preview gestures (on its preview request
 * topic: the node announces the GestureCommand itself when the preview starts).
 */
import type { Disposable, GraphNode, ParameterValue, Publisher } from '@hearth/graph';
import { Qos } from '@hearth/graph';
import {
  approachFrom,
  DEFAULT_TRAJECTORY_TOPIC,
  gestureTrajectory,
  loadGestureProfile,
  PREVIEW_REQUEST_TOPIC,
  type GestureProfile,
} from '@hearth/gesture';
import {
  FaceCommandType,
  GestureCommandType,
  GestureReason,
  JointTrajectoryType,
  Topics,
  type GestureCommand,
  type JointTrajectory,
} from '@hearth/interfaces';
import type { BodyView, MotionView, ServerMessage } from '../protocol.js';
import type { ParameterMirror } from '../tuning/ParameterMirror.js';
import { faceView } from '../views.js';
import { bodyView, commandMotion, trajectoryMotion, type TrajectoryLabel } from './bodyViews.js';

export interface BodyChannelOptions {
  /** The gesture node's parameters: its `gestures_file` names the profile to show. */
  readonly gestures?: ParameterMirror;
  /** The profile to show when there is no gesture node to ask. */
  readonly gesturesFile: string;
  readonly emit: (message: ServerMessage) => void;
}

/** GestureCommand.reason of a gesture the console asked for. */
export const PREVIEW_REASON = GestureReason.preview;

/**
 * How long a keyframed gesture's GestureCommand waits for its JointTrajectory (the gesture node
 * sends both at once; a driver elsewhere may lag).
 */
const LABEL_MS = 2000;

/** A started keyframed gesture whose JointTrajectory has not come yet. */
interface StartedGesture {
  readonly label: TrajectoryLabel;
  readonly joints: string;
  readonly atMs: number;
}

/** A looping gesture playing now: its label and its last cycle's motion. */
interface Loop {
  readonly label: TrajectoryLabel;
  readonly motion: MotionView;
}

export class BodyChannel {
  private profile: GestureProfile | null = null;
  private view: BodyView | null = null;
  private readonly preview: Publisher<GestureCommand>;
  /** Trajectory subscriptions by topic (a topic the gesture node left stays idle). */
  private readonly trajectorySubscriptions = new Set<string>();
  /** The gesture node's `trajectory_topic`: the only one the figure plays. */
  private trajectoryTopic = DEFAULT_TRAJECTORY_TOPIC;
  /**
   * Commands of keyframed gestures still waiting for their trajectory, oldest first; each names
   * one trajectory only (the first on its joints), so a later motion on the same joints, such as
   * the node's return to rest, which has no command, is never taken for it.
   */
  private started: StartedGesture[] = [];
  private readonly hooks: Disposable[] = [];
  /**
   * Looping gestures playing now (idle motions), so a page opened later shows them too. Each
   * cycle comes as its own trajectory with no command: one with the loop's joints and positions
   * is its next cycle; any other motion on its joints ends it.
   */
  private readonly looping = new Map<string, Loop>();
  /** Loads finish in any order; only the latest one counts. */
  private loadSeq = 0;
  /** The file of the latest load, so a repeated announcement of it does not load it again. */
  private requestedFile: string | null = null;
  private disposed = false;
  /** Settles when the first profile load has finished (loaded or failed). */
  readonly ready: Promise<void>;

  constructor(
    private readonly node: GraphNode,
    private readonly options: BodyChannelOptions,
  ) {
    this.preview = node.createPublisher(GestureCommandType, PREVIEW_REQUEST_TOPIC, Qos.events);
    node.createSubscription(
      GestureCommandType,
      Topics.gestureCommand,
      (command) => this.onCommand(command),
      Qos.events,
    );
    node.createSubscription(
      FaceCommandType,
      Topics.faceCommand,
      (face) => this.emit({ type: 'face', face: faceView(face) }),
      Qos.events,
    );
    const mirror = options.gestures;
    this.followTrajectoryTopic(mirror?.values['trajectory_topic']);
    if (mirror) {
      this.hooks.push(
        mirror.onChange((changes) => {
          for (const change of changes) {
            if (change.name === 'trajectory_topic') this.followTrajectoryTopic(change.value);
          }
          const change = changes.find((c) => c.name === 'gestures_file');
          if (change && typeof change.value === 'string' && change.value !== this.requestedFile)
            void this.load(change.value);
        }),
      );
    }
    // The gesture node's own file, once the console has read its parameters (or given up).
    this.ready = (mirror?.ready ?? Promise.resolve()).then(() => this.load(this.currentFile()));
  }

  get body(): BodyView | null {
    return this.view;
  }

  /** The looping gestures still playing, to start at once on a newly opened page. */
  get motions(): readonly MotionView[] {
    return [...this.looping.values()].map(({ motion }) => ({ ...motion, delayMs: 0 }));
  }

  /** The topic whose JointTrajectory messages the figure plays now. */
  get trajectoryTopicName(): string {
    return this.trajectoryTopic;
  }

  /**
   * Asks the gesture node for the named gesture: a preview request (a GestureCommand with reason
   * `preview` on PREVIEW_REQUEST_TOPIC), at the node's current intensity for it (so a tuned
   * intensity shows). The gesture node performs it like its own gestures (scheduled, planned from
   * the current pose, limit-checked) and, as it starts, announces its GestureCommand and sends the
   * JointTrajectory the robot and this figure play; a robot's own animation is played by its
   * driver from that command. While the node's `enabled` is off it performs nothing, so the
   * preview is refused here, as is a gesture the limits refuse,
   * here, before anything is sent, with the very check the gesture node makes: its plan from any
   * pose stretches the approach to the velocity limits, so whether it is legal does not depend on
   * the pose, and planning from neutral gives the node's verdict.
   */
  play(name: string): ServerMessage | null {
    const gesture = this.profile?.gestures.get(name);
    if (!this.profile || !gesture) {
      const known = this.profile ? [...this.profile.gestures.keys()].join(', ') : 'none loaded';
      return {
        type: 'error',
        code: 'unknown_gesture',
        message: `The robot profile has no gesture "${name}"; choose one of: ${known}.`,
      };
    }
    if (this.options.gestures?.values['enabled'] === false) {
      return {
        type: 'error',
        code: 'gesture_refused',
        message: `The gesture node is disabled, so it will not play "${name}"; set its "enabled" parameter to true to preview gestures.`,
      };
    }
    const intensity = this.intensityFor(name);
    if (!gesture.animation && gesture.keyframes.length > 0) {
      const neutral = new Map(
        [...this.profile.joints.values()].map((joint) => [joint.name, joint.neutral]),
      );
      try {
        approachFrom(this.profile, gestureTrajectory(this.profile, name, intensity), neutral);
      } catch (error) {
        return {
          type: 'error',
          code: 'gesture_refused',
          message: error instanceof Error ? error.message : String(error),
        };
      }
    }
    this.preview.publish(
      GestureCommandType.create({
        stamp: this.node.clock.now(),
        name,
        reason: PREVIEW_REASON,
        priority: gesture.priority,
        intensity,
        sentence: '',
        start_offset_ms: 0,
      }),
    );
    return null;
  }

  dispose(): void {
    this.disposed = true;
    for (const hook of this.hooks.splice(0)) hook.dispose();
  }

  private currentFile(): string {
    const value = this.options.gestures?.values['gestures_file'];
    return typeof value === 'string' && value !== '' ? value : this.options.gesturesFile;
  }

  private async load(file: string): Promise<void> {
    const seq = ++this.loadSeq;
    this.requestedFile = file;
    try {
      const profile = await loadGestureProfile(file);
      if (seq !== this.loadSeq || this.disposed) return;
      this.profile = profile;
      this.view = bodyView(profile);
      this.looping.clear();
    } catch (error) {
      if (seq !== this.loadSeq || this.disposed) return;
      // The gesture node refuses a bad file itself; the figure just has nothing to stand for.
      this.node.logger.warn('console cannot load the robot profile for its figure', {
        file,
        reason: error instanceof Error ? error.message : String(error),
      });
      this.profile = null;
      this.view = null;
      this.looping.clear();
    }
    this.emit({ type: 'body', body: this.view });
  }

  private onCommand(command: GestureCommand): void {
    if (command.reason === GestureReason.stop) {
      this.looping.delete(command.name);
      this.started = this.started.filter((s) => s.label.gesture !== command.name);
      this.emit({ type: 'motionStop', gesture: command.name });
      return;
    }
    if (!this.profile) return;
    const nowMs = this.node.clock.nowMs();
    const named = commandMotion(this.profile, command, nowMs);
    if (named) {
      this.emit({ type: 'motion', motion: named });
      return;
    }
    // A keyframed gesture: its JointTrajectory follows; remember which joints it moves to name it.
    const gesture = this.profile.gestures.get(command.name);
    const joints = gestureTrajectory(this.profile, command.name, 1).jointNames;
    this.started = this.started.filter(
      (s) => s.label.gesture !== command.name && nowMs - s.atMs < LABEL_MS,
    );
    this.started.push({
      label: {
        gesture: command.name,
        reason: command.reason,
        priority: command.priority,
        intensity: command.intensity,
        loop: gesture?.loop ?? false,
      },
      joints: jointKey(joints),
      atMs: nowMs,
    });
  }

  /**
   * Follows the gesture node's `trajectory_topic` (read-only there, but a gesture node started
   * later, or restarted with another parameters file, may name another). Subscriptions cannot be
   * taken back one by one, so an old topic's stays and its messages are ignored.
   */
  private followTrajectoryTopic(value: ParameterValue | undefined): void {
    const topic = typeof value === 'string' && value !== '' ? value : DEFAULT_TRAJECTORY_TOPIC;
    this.trajectoryTopic = topic;
    if (this.trajectorySubscriptions.has(topic)) return;
    this.trajectorySubscriptions.add(topic);
    this.node.createSubscription(
      JointTrajectoryType,
      topic,
      (trajectory) => {
        if (topic === this.trajectoryTopic) this.onTrajectory(trajectory);
      },
      Qos.events,
    );
  }

  private onTrajectory(trajectory: JointTrajectory): void {
    if (trajectory.joint_names.length === 0 || trajectory.points.length === 0) return;
    const nowMs = this.node.clock.nowMs();
    const label = this.takeLabel(trajectory, nowMs) ?? this.loopCycleOf(trajectory);
    const motion = trajectoryMotion(trajectory, label, nowMs);
    // A motion takes over the joints it moves: a loop it takes any of from is over.
    for (const [name, loop] of this.looping) {
      if (loop.motion.jointNames.some((joint) => motion.jointNames.includes(joint)))
        this.looping.delete(name);
    }
    // Each cycle of a loop comes as its own trajectory; a page opened meanwhile starts the last.
    // Only a motion a loop's command (or its previous cycle) names is one.
    if (label?.loop) this.looping.set(label.gesture, { label, motion });
    this.emit({ type: 'motion', motion });
  }

  /** The oldest unexpired command on the trajectory's joints, consumed: it names one motion. */
  private takeLabel(trajectory: JointTrajectory, nowMs: number): TrajectoryLabel | null {
    this.started = this.started.filter((s) => nowMs - s.atMs < LABEL_MS);
    const key = jointKey(trajectory.joint_names);
    const index = this.started.findIndex((s) => s.joints === key);
    if (index < 0) return null;
    const [started] = this.started.splice(index, 1);
    return started?.label ?? null;
  }

  /**
   * The loop whose next cycle this trajectory is: the same joints going through the same
   * positions (only the approach's timing may differ, planned from where the last cycle ended).
   * A return to rest, one point to the rest pose, is never one.
   */
  private loopCycleOf(trajectory: JointTrajectory): TrajectoryLabel | null {
    for (const { label, motion } of this.looping.values()) {
      if (sameMotionPath(motion, trajectory)) return label;
    }
    return null;
  }

  /** The gesture node's `intensity` × its `gesture_intensities` entry for the gesture. */
  private intensityFor(name: string): number {
    const values: Readonly<Record<string, ParameterValue>> = this.options.gestures?.values ?? {};
    const overall = typeof values['intensity'] === 'number' ? values['intensity'] : 1;
    const entries = values['gesture_intensities'];
    let own = 1;
    if (Array.isArray(entries)) {
      for (const entry of entries) {
        if (typeof entry !== 'string') continue;
        const [key, value] = entry.split('=').map((part) => part.trim());
        const scale = Number(value);
        if (key === name && Number.isFinite(scale)) own = scale;
      }
    }
    return Math.min(1, Math.max(0, overall * own));
  }

  private emit(message: ServerMessage): void {
    if (!this.disposed) this.options.emit(message);
  }
}

/** Whether the trajectory moves the motion's joints, in order, through the same positions. */
function sameMotionPath(motion: MotionView, trajectory: JointTrajectory): boolean {
  const equal = (a: readonly number[], b: readonly number[]): boolean =>
    a.length === b.length && a.every((value, i) => Math.abs(value - (b[i] ?? NaN)) < 1e-9);
  return (
    motion.jointNames.join(' ') === trajectory.joint_names.join(' ') &&
    motion.points.length === trajectory.points.length &&
    motion.points.every((point, i) => equal(point.positions, trajectory.points[i]?.positions ?? []))
  );
}

/** A joint set as one comparable key, whatever the order. */
function jointKey(joints: readonly string[]): string {
  return [...joints].sort().join(' ');
}
