/**
 * The in-process graph the TtsNode tests share: a temporary audio folder, a transport, a tts node
 * served with the given engine and parameters, and a listener that records every speech event
 * with the time it arrived.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createInProcessTransport,
  LogCapture,
  Qos,
  type ActionClient,
  type GraphNode,
  type GraphTransport,
  type ParameterValue,
} from '@hearth/graph';
import {
  Actions,
  SayAction,
  SpeechEventType,
  Topics,
  type SayFeedback,
  type SayGoal,
  type SayResult,
  type SpeechEvent,
} from '@hearth/interfaces';
import type { TtsEngine } from '../../src/engine/TtsEngine.js';
import { TtsNode } from '../../src/node/TtsNode.js';

export interface TimedSpeechEvent {
  readonly event: SpeechEvent;
  /** When the listener received it, on the graph's clock. */
  readonly at: number;
}

export interface ServedTts {
  readonly tts: TtsNode;
  readonly node: GraphNode;
  readonly client: ActionClient<SayGoal, SayResult, SayFeedback>;
}

/** A few event-loop turns, for the in-process bus (which delivers on setImmediate) to deliver. */
export async function settle(turns = 10): Promise<void> {
  for (let turn = 0; turn < turns; turn++) await new Promise((resolve) => setImmediate(resolve));
}

export class TtsTestGraph {
  /** Every speech event received, in order. */
  readonly events: TimedSpeechEvent[] = [];

  private constructor(
    readonly transport: GraphTransport,
    readonly audioDir: string,
    private readonly clock: () => number,
  ) {}

  /** `clock` dates the events: `Date.now` to compare with epoch times, `performance.now` for ms. */
  static async create(prefix: string, clock: () => number = Date.now): Promise<TtsTestGraph> {
    const audioDir = await mkdtemp(join(tmpdir(), prefix));
    const transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
    return new TtsTestGraph(transport, audioDir, clock);
  }

  /** The events without their times. */
  get speechEvents(): SpeechEvent[] {
    return this.events.map((e) => e.event);
  }

  /** Serves a tts node and subscribes a listener to its events; the caller disposes the node. */
  serve(
    engine: TtsEngine,
    parameters: Record<string, ParameterValue>,
    aplayPath?: string,
  ): ServedTts {
    const node = this.transport.createNode('tts', { parameterOverrides: parameters });
    const tts = new TtsNode(node, engine, {
      audioDir: this.audioDir,
      ...(aplayPath === undefined ? {} : { aplayPath }),
    });
    const listener = this.transport.createNode('listener');
    listener.createSubscription(
      SpeechEventType,
      Topics.ttsEvents,
      (event) => this.events.push({ event, at: this.clock() }),
      Qos.events,
    );
    return { tts, node, client: listener.createActionClient(SayAction, Actions.say) };
  }

  /** Shuts the transport down and removes the audio folder. */
  async dispose(): Promise<void> {
    await this.transport.shutdown();
    await rm(this.audioDir, { recursive: true, force: true });
  }
}
