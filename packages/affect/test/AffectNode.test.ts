import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  createInProcessTransport,
  LogCapture,
  Qos,
  type GraphNode,
  type GraphTransport,
  type Publisher,
} from '@hearth/graph';
import {
  AffectType,
  DialogueStateType,
  Topics,
  TranscriptType,
  type Affect,
  type DialogueState,
  type Transcript,
} from '@hearth/interfaces';
import { AffectNode } from '../src/index.js';

/** Lets the in-process bus deliver (it delivers on setImmediate). */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 10; turn++) await new Promise((resolve) => setImmediate(resolve));
}

describe('AffectNode (in-process graph)', () => {
  let transport: GraphTransport;
  let node: GraphNode;
  let affectNode: AffectNode;
  let transcripts: Publisher<Transcript>;
  let states: Publisher<DialogueState>;
  let published: Affect[];

  beforeEach(() => {
    transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
    node = transport.createNode('affect');
    affectNode = new AffectNode(node);
    const other = transport.createNode('other');
    transcripts = other.createPublisher(TranscriptType, Topics.transcript, Qos.events);
    states = other.createPublisher(DialogueStateType, Topics.dialogueState, Qos.state);
    published = [];
    other.createSubscription(AffectType, Topics.affect, (a) => published.push(a), Qos.events);
  });

  afterEach(async () => {
    affectNode.dispose();
    await transport.shutdown();
  });

  it('publishes one estimate per final transcript, in the current session', async () => {
    states.publish(DialogueStateType.create({ state: 'listening', session_id: 's-1' }));
    await settle();
    transcripts.publish(TranscriptType.create({ text: 'I am so', is_final: false }));
    transcripts.publish(TranscriptType.create({ text: 'I am so anxious today', is_final: true }));
    transcripts.publish(TranscriptType.create({ text: 'We had soup for lunch.', is_final: true }));
    await settle();
    expect(published.map((a) => [a.session_id, a.emotion])).toEqual([
      ['s-1', 'anxiety'],
      ['s-1', 'neutral'],
    ]);
    expect(published[0]?.intensity).toBeGreaterThan(0.6);
    expect(published[0]?.valence).toBeLessThan(0);
    expect(published[0]?.stamp.sec).toBeGreaterThan(0);
  });

  it('publishes nothing for a backchannel or short neutral line, so the last estimate stands', async () => {
    transcripts.publish(TranscriptType.create({ text: 'I feel so sad today', is_final: true }));
    transcripts.publish(TranscriptType.create({ text: 'yeah', is_final: true }));
    transcripts.publish(TranscriptType.create({ text: 'okay, goodbye', is_final: true }));
    transcripts.publish(TranscriptType.create({ text: 'I am sad', is_final: true }));
    await settle();
    expect(published.map((a) => a.emotion)).toEqual(['sadness', 'sadness']);
  });

  it('stays quiet when disabled, and takes neutral_below as a live parameter', async () => {
    node.setParameters({ neutral_below: 2 });
    transcripts.publish(TranscriptType.create({ text: 'I am sad', is_final: true }));
    await settle();
    expect(published.map((a) => a.emotion)).toEqual(['neutral']);
    node.setParameters({ enabled: false });
    transcripts.publish(TranscriptType.create({ text: 'I am sad', is_final: true }));
    await settle();
    expect(published).toHaveLength(1);
  });
});
