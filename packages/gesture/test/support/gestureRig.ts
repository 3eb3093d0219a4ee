/**
 * The rig the GestureNode tests share: a real GestureNode on the in-process graph with hand-moved
 * timers, and an `other` node that records its trajectories and face commands and publishes the
 * tts events and dialogue state it follows. Each test file adds the topics only it watches.
 */
import { afterEach } from '@jest/globals';
import {
  createInProcessTransport,
  LogCapture,
  Qos,
  type GraphNode,
  type GraphTransport,
  type ParameterValue,
  type Publisher,
} from '@hearth/graph';
import {
  DialogueStateType,
  FaceCommandType,
  JointTrajectoryType,
  SpeechEventType,
  Topics,
  type DialogueState,
  type FaceCommand,
  type JointTrajectory,
  type SpeechEvent,
} from '@hearth/interfaces';
import { DEFAULT_TRAJECTORY_TOPIC, GestureNode, type GestureProfile } from '../../src/index.js';
import { ManualTimers } from '../../../../tests/support/ManualTimers.js';

/** The in-process bus delivers on setImmediate: a few event-loop turns see every hop through. */
export async function settle(): Promise<void> {
  for (let turn = 0; turn < 10; turn++) await new Promise((resolve) => setImmediate(resolve));
}

export interface GestureRigOptions {
  readonly profile: GestureProfile;
  readonly parameterOverrides?: Record<string, ParameterValue>;
  /** Where `other` listens for trajectories; the node's default unless told. */
  readonly trajectoryTopic?: string;
  /** Called with each trajectory as it arrives, before it is recorded. */
  readonly onTrajectory?: (trajectory: JointTrajectory, atMs: number) => void;
}

export interface GestureRig {
  readonly transport: GraphTransport;
  readonly node: GraphNode;
  readonly gesture: GestureNode;
  readonly logs: LogCapture;
  readonly timers: ManualTimers;
  /** The node a test publishes from and subscribes with. */
  readonly other: GraphNode;
  readonly speech: Publisher<SpeechEvent>;
  readonly state: Publisher<DialogueState>;
  readonly trajectories: { readonly atMs: number; readonly trajectory: JointTrajectory }[];
  readonly faces: FaceCommand[];
  /** Delivers what was published, moves the fake clock on, and delivers again. */
  after(ms: number): Promise<void>;
}

/** Returns `start`, which builds a rig; every rig started is disposed after each test. */
export function useGestureRigs(): { start(options: GestureRigOptions): GestureRig } {
  const started: GestureRig[] = [];
  afterEach(async () => {
    for (const rig of started.splice(0)) {
      rig.gesture.dispose();
      await rig.transport.shutdown();
    }
  });
  return {
    start: (options) => {
      const logs = new LogCapture();
      const transport = createInProcessTransport({ logger: { capture: logs } });
      const node = transport.createNode('gesture', {
        parameterOverrides: options.parameterOverrides ?? {},
      });
      const timers = new ManualTimers();
      const gesture = new GestureNode(node, options.profile, { timers });
      const other = transport.createNode('other');
      const trajectories: GestureRig['trajectories'][number][] = [];
      const faces: FaceCommand[] = [];
      other.createSubscription(
        JointTrajectoryType,
        options.trajectoryTopic ?? DEFAULT_TRAJECTORY_TOPIC,
        (trajectory) => {
          options.onTrajectory?.(trajectory, timers.nowMs());
          trajectories.push({ atMs: timers.nowMs(), trajectory });
        },
        Qos.events,
      );
      other.createSubscription(
        FaceCommandType,
        Topics.faceCommand,
        (f) => faces.push(f),
        Qos.events,
      );
      const rig: GestureRig = {
        transport,
        node,
        gesture,
        logs,
        timers,
        other,
        speech: other.createPublisher(SpeechEventType, Topics.ttsEvents, Qos.events),
        state: other.createPublisher(DialogueStateType, Topics.dialogueState, Qos.state),
        trajectories,
        faces,
        after: async (ms) => {
          await settle();
          timers.advance(ms);
          await settle();
        },
      };
      started.push(rig);
      return rig;
    },
  };
}
