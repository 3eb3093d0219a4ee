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
  AffectType,
  DialogueStateType,
  FaceCommandType,
  GestureCommandType,
  MicGateType,
  SpeechEventType,
  Topics,
  TranscriptType,
  type Affect,
  type DialogueState,
  type FaceCommand,
  type GestureCommand,
  type MicGate,
  type SpeechEvent,
  type Transcript,
} from '@hearth/interfaces';
import { DEFAULT_GESTURES_FILE, GestureNode, loadGestureProfile } from '../src/index.js';
import { ManualTimers } from '../../../tests/support/ManualTimers.js';

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
  let transcript: Publisher<Transcript>;
  let affect: Publisher<Affect>;
  let commands: GestureCommand[];
  let faces: FaceCommand[];
  let gates: MicGate[];
  let timers: ManualTimers;

  beforeEach(async () => {
    transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
    gestureNode = transport.createNode('gesture');
    timers = new ManualTimers();
    gesture = new GestureNode(gestureNode, await loadGestureProfile(DEFAULT_GESTURES_FILE), {
      timers,
    });
    const other = transport.createNode('other');
    speech = other.createPublisher(SpeechEventType, Topics.ttsEvents, Qos.events);
    state = other.createPublisher(DialogueStateType, Topics.dialogueState, Qos.state);
    transcript = other.createPublisher(TranscriptType, Topics.transcript, Qos.events);
    affect = other.createPublisher(AffectType, Topics.affect, Qos.events);
    commands = [];
    faces = [];
    gates = [];
    other.createSubscription(
      GestureCommandType,
      Topics.gestureCommand,
      (c) => commands.push(c),
      Qos.events,
    );
    other.createSubscription(FaceCommandType, Topics.faceCommand, (f) => faces.push(f), Qos.events);
    other.createSubscription(MicGateType, Topics.micGate, (g) => gates.push(g), Qos.state);
  });

  /** Delivers what was published, then moves the fake clock on and delivers again. */
  async function after(ms: number): Promise<void> {
    await settle();
    timers.advance(ms);
    await settle();
  }

  afterEach(async () => {
    gesture.dispose();
    await transport.shutdown();
  });

  /** A tts event; a `start` is followed by one `word` event per word, as tts sends them. */
  const say = (text: string, kind = 'start'): void => {
    speech.publish(SpeechEventType.create({ kind, text, utterance_id: 'u' }));
    if (kind === 'start')
      for (const word of text.match(/[\p{L}\p{N}']+/gu) ?? [])
        speech.publish(SpeechEventType.create({ kind: 'word', text: word, utterance_id: 'u' }));
  };

  it('publishes one gesture per spoken sentence, chosen from the sentence', async () => {
    say('Hello, it is lovely to see you.');
    say('Hello', 'word');
    say('Hello, it is lovely to see you.', 'end');
    say('How did you sleep?');
    say('I am glad you told me.');
    // The nod replaces the previous sentence's head tilt (same joints, same priority).
    await after(0);
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
      await after(1500);
    }
    expect(commands.map((c) => [c.name, c.reason])).toEqual([
      ['lean_in', 'state'],
      ['thinking_pose', 'state'],
      ['idle_breathing', 'state'],
      ['idle_gaze', 'state'],
    ]);
    // Waking up stops the idle loops.
    state.publish(DialogueStateType.create({ state: 'listening' }));
    await after(0);
    expect(commands.slice(4).map((c) => [c.name, c.reason])).toEqual([
      ['idle_breathing', 'stop'],
      ['idle_gaze', 'stop'],
      ['lean_in', 'state'],
    ]);
  });

  it('applies the intensity parameter and stays still when disabled', async () => {
    expect(gestureNode.setParameters({ intensity: 0.4 })[0]?.successful).toBe(true);
    say('I understand.');
    await after(2000);
    expect(commands[0]?.intensity).toBeCloseTo(0.4, 5);
    gestureNode.setParameters({ enabled: false });
    say('I understand.');
    await after(2000);
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
      await after(0);
      expect(commands.map((c) => c.name)).toEqual(['slow_nod']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('chooses by the strategy it reads in the sentence, and retunes the mapping by parameter', async () => {
    say('It sounds like you have been carrying a lot.');
    await after(3000);
    say('You are doing the best you can, and that is okay.');
    await after(3000);
    expect(commands.map((c) => [c.name, c.reason])).toEqual([
      ['slow_nod', 'strategy'],
      ['open_palms', 'strategy'],
    ]);
    const refused = gestureNode.setParameters({
      strategy_gestures: ['Reflection of feelings=moonwalk'],
    })[0];
    expect(refused?.successful).toBe(false);
    expect(refused?.reason).toMatch(/strategy_gestures[\s\S]*moonwalk[\s\S]*slow_nod/);
    expect(
      gestureNode.setParameters({ strategy_gestures: ['Reflection of feelings=comfort'] })[0]
        ?.successful,
    ).toBe(true);
    say('It sounds like you have been carrying a lot.');
    await after(0);
    expect(commands.at(-1)?.name).toBe('comfort');
    gestureNode.setParameters({ gesture_intensities: ['comfort=0.5'], intensity: 0.8 });
    await after(5000);
    say('It sounds like you have been carrying a lot.');
    await after(0);
    expect(commands.at(-1)?.intensity).toBeCloseTo(0.4, 5);
  });

  it('retunes the sentence cues and the default gesture by parameter', async () => {
    const refused = gestureNode.setParameters({ sentence_cues: ['*?=shrug'] })[0];
    expect(refused?.successful).toBe(false);
    expect(refused?.reason).toMatch(/sentence_cues entry "\*\?=shrug"/);
    const results = gestureNode.setParameters({
      sentence_cues: ['*?=nod', 'hello='],
      default_gesture: 'slow_nod',
    });
    expect(results.every((result) => result.successful)).toBe(true);
    expect(gesture.currentMapping.default).toBe('slow_nod');
    say('How are you feeling?');
    await after(3000);
    say('Hello, I am here.');
    await after(3000);
    expect(commands.map((c) => [c.name, c.reason])).toEqual([
      ['nod', 'sentence'],
      ['slow_nod', 'sentence'],
    ]);
  });

  it('delays sentence gestures by speech_offset_ms', async () => {
    gestureNode.setParameters({ speech_offset_ms: 250 });
    say('I understand.');
    await after(249);
    expect(commands).toHaveLength(0);
    await after(1);
    expect(commands.map((c) => c.name)).toEqual(['nod']);
  });

  it('lets a higher priority gesture interrupt, and a lower one wait or drop', async () => {
    state.publish(DialogueStateType.create({ state: 'thinking' }));
    await after(0);
    // comfort (3) on the right arm and head interrupts the thinking pose (1).
    say('I have felt that way too.');
    await after(0);
    expect(gesture.playing).toEqual(['comfort']);
    // A nod (2) waits for the head, longer than max_wait_ms: dropped.
    gestureNode.setParameters({ max_wait_ms: 500 });
    say('I understand.');
    await after(4000);
    expect(commands.map((c) => c.name)).toEqual(['thinking_pose', 'comfort']);
    // A state posture (1) waits for the joints of a sentence gesture (3) and then plays.
    say('I have felt that way too.');
    await after(0);
    state.publish(DialogueStateType.create({ state: 'listening' }));
    await after(3000);
    expect(commands.map((c) => c.name)).toEqual(['thinking_pose', 'comfort', 'comfort']);
    await after(600);
    expect(commands.map((c) => c.name)).toEqual(['thinking_pose', 'comfort', 'comfort', 'lean_in']);
  });

  it('lip-syncs from viseme events on the face layer, over the arm gestures', async () => {
    say('You are not alone.');
    speech.publish(SpeechEventType.create({ kind: 'viseme', viseme: '2', utterance_id: 'u' }));
    speech.publish(SpeechEventType.create({ kind: 'viseme', viseme: '21', utterance_id: 'u' }));
    say('You are not alone.', 'end');
    await after(0);
    expect(commands.map((c) => c.name)).toEqual(['open_palms']);
    expect(faces.map((f) => [f.expression, f.viseme, Number(f.jaw_open.toFixed(2))])).toEqual([
      ['warm', '', 0],
      ['', '2', 0.9],
      ['', '21', 0],
      ['', '', 0],
    ]);
    gestureNode.setParameters({ lip_sync_enabled: false });
    speech.publish(SpeechEventType.create({ kind: 'viseme', viseme: '2', utterance_id: 'u' }));
    await after(0);
    expect(faces).toHaveLength(4);
  });

  it('nods on pauses in the person’s partial transcripts while listening', async () => {
    state.publish(DialogueStateType.create({ state: 'listening' }));
    await after(1500);
    const partial = (text: string): void =>
      transcript.publish(TranscriptType.create({ text, is_final: false }));
    partial('I have been');
    await after(300);
    partial('I have been feeling');
    await after(800); // a pause: one small nod
    partial('I have been feeling low since');
    await after(200);
    transcript.publish(
      TranscriptType.create({ text: 'I have been feeling low since May', is_final: true }),
    );
    await after(2000);
    expect(commands.map((c) => [c.name, c.reason])).toEqual([
      ['lean_in', 'state'],
      ['small_nod', 'backchannel'],
    ]);
  });

  it('gestures on strong affect and softens gestures while the person is distressed', async () => {
    affect.publish(AffectType.create({ emotion: 'sadness', intensity: 0.8, valence: -0.7 }));
    await after(2000);
    affect.publish(AffectType.create({ emotion: 'anger', intensity: 0.2, valence: -0.3 }));
    await after(0);
    expect(commands.map((c) => [c.name, c.reason])).toEqual([['slow_nod', 'affect']]);
    expect(commands[0]?.intensity).toBeCloseTo(1 - 0.4 * 0.8, 5);
  });

  it('closes the microphone while gestures move, when enabled', async () => {
    say('I understand.');
    await after(2000);
    expect(gates).toHaveLength(0);
    gestureNode.setParameters({ mic_gate_enabled: true, mic_gate_tail_ms: 300 });
    say('I understand.');
    await after(1000); // the nod lasts 1 s
    expect(gates.map((g) => g.open)).toEqual([false]);
    await after(300);
    expect(gates.map((g) => g.open)).toEqual([false, true]);
  });
});

describe('GestureNode with a gestures_file from the parameters file', () => {
  it('loads the gestures file the parameters name instead of the profile it was given', async () => {
    const transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
    try {
      const pepperFile = join(DEFAULT_GESTURES_FILE, '..', '..', 'pepper', 'gestures.yaml');
      const node = transport.createNode('gesture', {
        parameterOverrides: { gestures_file: pepperFile },
      });
      const gesture = new GestureNode(node, await loadGestureProfile(DEFAULT_GESTURES_FILE));
      expect(gesture.currentProfile.robot).toBe('pepper');
      gesture.dispose();
    } finally {
      await transport.shutdown();
    }
  });
});
