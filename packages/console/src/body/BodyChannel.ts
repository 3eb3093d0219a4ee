/**
 * The console's view of the robot's body: loads the robot profile the gesture node uses (its
 * `gestures_file` parameter, reloaded when it changes), turns each gesture command into the
 * trajectory the page's figure plays, forwards the face layer, and publishes preview gestures.
 */
import type { Disposable, GraphNode, ParameterValue, Publisher } from '@hearth/graph';
import { Qos } from '@hearth/graph';
import { loadGestureProfile, type GestureProfile } from '@hearth/gesture';
import {
  FaceCommandType,
  GestureCommandType,
  GestureReason,
  Topics,
  type GestureCommand,
} from '@hearth/interfaces';
import type { BodyView, MotionView, ServerMessage } from '../protocol.js';
import type { ParameterMirror } from '../tuning/ParameterMirror.js';
import { faceView } from '../views.js';
import { bodyView, motionView } from './bodyViews.js';

export interface BodyChannelOptions {
  /** The gesture node's parameters: its `gestures_file` names the profile to show. */
  readonly gestures?: ParameterMirror;
  /** The profile to show when there is no gesture node to ask. */
  readonly gesturesFile: string;
  readonly emit: (message: ServerMessage) => void;
}

/** GestureCommand.reason of a gesture the console asked for. */
export const PREVIEW_REASON = GestureReason.preview;

export class BodyChannel {
  private profile: GestureProfile | null = null;
  private view: BodyView | null = null;
  private readonly preview: Publisher<GestureCommand>;
  private readonly hooks: Disposable[] = [];
  /** Looping gestures playing now (idle motions), so a page opened later shows them too. */
  private readonly looping = new Map<string, MotionView>();
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
    this.preview = node.createPublisher(GestureCommandType, Topics.gestureCommand, Qos.events);
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
    if (mirror) {
      this.hooks.push(
        mirror.onChange((changes) => {
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
    return [...this.looping.values()].map((motion) => ({ ...motion, delayMs: 0 }));
  }

  /**
   * Publishes the named gesture as the gesture node would: the profile's priority, at the node's
   * current intensity for it, so a tuned intensity shows in the preview. The robot's driver and
   * the page's figure both play it.
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
    this.preview.publish(
      GestureCommandType.create({
        stamp: this.node.clock.now(),
        name,
        reason: PREVIEW_REASON,
        priority: gesture.priority,
        intensity: this.intensityFor(name),
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
      this.emit({ type: 'motionStop', gesture: command.name });
      return;
    }
    if (!this.profile) return;
    const motion = motionView(this.profile, command, this.node.clock.nowMs());
    // A gesture takes over the joints it moves: a loop it takes any of from is over.
    for (const [name, loop] of this.looping) {
      if (loop.jointNames.some((joint) => motion.jointNames.includes(joint)))
        this.looping.delete(name);
    }
    if (motion.loop) this.looping.set(motion.gesture, motion);
    this.emit({ type: 'motion', motion });
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
