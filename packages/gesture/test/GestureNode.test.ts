import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  DialogueStateType,
  GestureCommandType,
  SpeechEventType,
  Topics,
  type DialogueState,
  type GestureCommand,
  type SpeechEvent,
} from '@hearth/interfaces';
import { DEFAULT_GESTURES_FILE, GestureNode, loadGestureProfile } from '../src/index.js';

/**
 * Lets the in-process bus deliver what was published: it delivers on setImmediate, so a few
 * event-loop turns (not a wall-clock wait) see every hop through.
 */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 10; turn++) await new Promise((resolve) => setImmediate(resolve));
}

describe('GestureNode (in-process graph, default robot profile)', () => {
  let transport: GraphTransport;
  let gestureNode: GraphNode;
  let gesture: GestureNode;
  let speech: Publisher<SpeechEvent>;
  let state: Publisher<DialogueState>;
  let commands: GestureCommand[];

  beforeEach(async () => {
    transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
    gestureNode = transport.createNode('gesture');
    gesture = new GestureNode(gestureNode, await loadGestureProfile(DEFAULT_GESTURES_FILE));
    const other = transport.createNode('other');
    speech = other.createPublisher(SpeechEventType, Topics.ttsEvents, Qos.events);
    state = other.createPublisher(DialogueStateType, Topics.dialogueState, Qos.state);
    commands = [];
    other.createSubscription(
      GestureCommandType,
      Topics.gestureCommand,
      (c) => commands.push(c),
      Qos.events,
    );
  });

  afterEach(async () => {
    gesture.dispose();
    await transport.shutdown();
  });

  const say = (text: string, kind = 'start'): void =>
    speech.publish(SpeechEventType.create({ kind, text, utterance_id: 'u' }));

  it('publishes one gesture per spoken sentence, chosen from the sentence', async () => {
    say('Hello, it is lovely to see you.');
    say('Hello', 'word');
    say('Hello, it is lovely to see you.', 'end');
    say('How did you sleep?');
    say('I am glad you told me.');
    await settle();
    expect(commands.map((c) => [c.name, c.reason, c.sentence])).toEqual([
      ['wave', 'sentence', 'Hello, it is lovely to see you.'],
      ['head_tilt', 'sentence', 'How did you sleep?'],
      ['nod', 'sentence', 'I am glad you told me.'],
    ]);
    expect(commands[0]).toMatchObject({ priority: 3, intensity: 1 });
    expect(commands[0]?.stamp.sec).toBeGreaterThan(0);
  });

  it('gestures on dialogue states the profile maps, once per change', async () => {
    for (const name of ['listening', 'listening', 'thinking', 'speaking', 'asleep']) {
      state.publish(DialogueStateType.create({ state: name }));
    }
    await settle();
    expect(commands.map((c) => [c.name, c.reason])).toEqual([
      ['lean_in', 'state'],
      ['thinking_pose', 'state'],
      ['idle_breathing', 'state'],
    ]);
  });

  it('applies the intensity parameter and stays still when disabled', async () => {
    expect(gestureNode.setParameters({ intensity: 0.4 })[0]?.successful).toBe(true);
    say('I understand.');
    await settle();
    expect(commands[0]?.intensity).toBeCloseTo(0.4, 5);
    gestureNode.setParameters({ enabled: false });
    say('I understand.');
    await settle();
    expect(commands).toHaveLength(1);
  });

  it('refuses an invalid gestures_file and switches to a valid one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hearth-gesture-node-'));
    try {
      const refused = gestureNode.setParameters({ gestures_file: join(dir, 'missing.yaml') })[0];
      expect(refused?.successful).toBe(false);
      expect(refused?.reason).toMatch(/missing\.yaml/);
      expect(gestureNode.getParameter('gestures_file')).toBe(DEFAULT_GESTURES_FILE);

      const { readFile } = await import('node:fs/promises');
      const custom = join(dir, 'gestures.yaml');
      await writeFile(
        custom,
        (await readFile(DEFAULT_GESTURES_FILE, 'utf8')).replace(
          'default: nod',
          'default: slow_nod',
        ),
      );
      expect(gestureNode.setParameters({ gestures_file: custom })[0]?.successful).toBe(true);
      expect(gesture.currentProfile.file).toBe(custom);
      say('I understand.');
      await settle();
      expect(commands.map((c) => c.name)).toEqual(['slow_nod']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
