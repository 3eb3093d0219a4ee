/**
 * The body channel's tests share this graph: the real gesture node (default robot profile), and
 * the console node's parameter mirror of it feeding a BodyChannel whose page messages are kept.
 */
import { fileURLToPath } from 'node:url';
import {
  createInProcessTransport,
  type GraphNode,
  type GraphTransport,
  type ParameterValue,
  type Timers,
} from '@hearth/graph';
import { DEFAULT_GESTURES_FILE, GestureNode, loadGestureProfile } from '@hearth/gesture';
import { NodeNames } from '@hearth/interfaces';
import { BodyChannel } from '../../src/body/BodyChannel.js';
import { ParameterMirror } from '../../src/tuning/ParameterMirror.js';
import type { ServerMessage } from '../../src/protocol.js';

/** Another robot's gesture profile, to switch the gesture node to. */
export const PEPPER_GESTURES = fileURLToPath(
  new URL('../../../../robot-config/pepper/gestures.yaml', import.meta.url),
);

export interface BodyRig {
  readonly transport: GraphTransport;
  readonly gestureGraphNode: GraphNode;
  readonly gestureNode: GestureNode;
  readonly mirror: ParameterMirror;
  /** Not yet ready: a test awaits `channel.ready` itself. */
  readonly channel: BodyChannel;
  /** Everything the channel sent to the page, in order. */
  readonly messages: ServerMessage[];
  /** Disposes the channel, the mirror and the gesture node, then shuts the graph down. */
  dispose(): Promise<void>;
}

export async function startBodyRig(
  options: { gestureParameters?: Record<string, ParameterValue>; timers?: Timers } = {},
): Promise<BodyRig> {
  const transport = createInProcessTransport();
  const gestureGraphNode = transport.createNode(NodeNames.gesture, {
    parameterOverrides: options.gestureParameters ?? {},
  });
  const gestureNode = new GestureNode(
    gestureGraphNode,
    await loadGestureProfile(DEFAULT_GESTURES_FILE),
    options.timers === undefined ? {} : { timers: options.timers },
  );
  const consoleNode = transport.createNode(NodeNames.console);
  const mirror = new ParameterMirror(
    consoleNode.createParameterClient(NodeNames.gesture),
    consoleNode.logger,
  );
  const messages: ServerMessage[] = [];
  const channel = new BodyChannel(consoleNode, {
    gestures: mirror,
    gesturesFile: DEFAULT_GESTURES_FILE,
    emit: (message) => messages.push(message),
  });
  return {
    transport,
    gestureGraphNode,
    gestureNode,
    mirror,
    channel,
    messages,
    dispose: async () => {
      channel.dispose();
      mirror.dispose();
      gestureNode.dispose();
      await transport.shutdown();
    },
  };
}
