/**
 * Active listening from audio_in's voice activity, through the in-process graph: small nods on
 * pauses in the person's voice while the dialogue listens, none while they speak, none while
 * the robot speaks, and none on the robot's own voice heard by the microphone.
 */
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
  TranscriptType,
  VoiceActivityType,
  type DialogueState,
  type GestureCommand,
  type SpeechEvent,
  type Time,
  type Transcript,
  type VoiceActivity,
} from '@hearth/interfaces';
import {
  DEFAULT_GESTURES_FILE,
  GestureNode,
  loadGestureProfile,
  PersonVoice,
} from '../src/index.js';
import { ManualTimers } from '../../../tests/support/ManualTimers.js';

async function settle(): Promise<void> {
  for (let turn = 0; turn < 10; turn++) await new Promise((resolve) => setImmediate(resolve));
}

function time(ms: number): Time {
  const sec = Math.floor(ms / 1000);
  return { sec, nanosec: Math.round((ms - sec * 1000) * 1e6) };
}

describe('PersonVoice', () => {
  it('ignores segments that began while the robot spoke or in its echo tail', () => {
    const voice = new PersonVoice(400);
    expect(voice.hear('start', 1000, 1000)).toEqual({ kind: 'speaking' });
    expect(voice.hear('end', 2000, 1000)).toEqual({ kind: 'paused', endedAtMs: 2000 });
    voice.robotSpeech('start', 3000);
    expect(voice.hear('start', 3100, 3100)).toEqual({ kind: 'ignored' });
    voice.robotSpeech('end', 4000);
    expect(voice.hear('end', 4200, 3100)).toEqual({ kind: 'ignored' });
    expect(voice.hear('start', 4300, 4300)).toEqual({ kind: 'ignored' }); // echo
    expect(voice.hear('start', 4500, 4500)).toEqual({ kind: 'speaking' });
  });
});

describe('GestureNode active listening on voice activity', () => {
  let transport: GraphTransport;
  let other: GraphNode;
  let gesture: GestureNode;
  let timers: ManualTimers;
  let state: Publisher<DialogueState>;
  let voice: Publisher<VoiceActivity>;
  let speech: Publisher<SpeechEvent>;
  let transcript: Publisher<Transcript>;
  let commands: GestureCommand[];

  beforeEach(async () => {
    transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
    timers = new ManualTimers();
    gesture = new GestureNode(
      transport.createNode('gesture'),
      await loadGestureProfile(DEFAULT_GESTURES_FILE),
      { timers },
    );
    other = transport.createNode('other');
    state = other.createPublisher(DialogueStateType, Topics.dialogueState, Qos.state);
    voice = other.createPublisher(VoiceActivityType, Topics.voiceActivity, Qos.events);
    speech = other.createPublisher(SpeechEventType, Topics.ttsEvents, Qos.events);
    transcript = other.createPublisher(TranscriptType, Topics.transcript, Qos.events);
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

  async function after(ms: number): Promise<void> {
    await settle();
    timers.advance(ms);
    await settle();
  }

  /** Publishes a voice activity message stamped `atMs` (graph clock: the real one); returns it. */
  function activity(event: 'start' | 'end', segmentStartMs: number, atMs = Date.now()): number {
    voice.publish(
      VoiceActivityType.create({
        stamp: time(atMs),
        event,
        segment_start: time(segmentStartMs),
        probability: event === 'start' ? 0.9 : 0.1,
        detector: 'silero',
      }),
    );
    return atMs;
  }

  const nods = (): string[] =>
    commands.filter((c) => c.reason === 'backchannel').map((c) => c.name);

  it('nods once on a pause in the voice while listening, never during speech', async () => {
    state.publish(DialogueStateType.create({ state: 'listening' }));
    await after(1500);
    const segment = activity('start', Date.now());
    await after(5000); // a long sentence: speech all along, no pause
    expect(nods()).toEqual([]);
    activity('end', segment);
    await after(650);
    expect(nods()).toEqual([]); // 700 ms of silence make a pause
    await after(100);
    expect(nods()).toEqual(['small_nod']);
    // Speaking again within the least interval, then pausing: no second nod yet.
    const next = activity('start', Date.now());
    await after(500);
    activity('end', next);
    await after(1000);
    expect(nods()).toEqual(['small_nod']);
    // A later pause, past the interval: a second nod.
    const third = activity('start', Date.now());
    await after(2000);
    activity('end', third);
    await after(800);
    expect(nods()).toEqual(['small_nod', 'small_nod']);
  });

  it('dates the pause from the end of the voice, not from the late end message', async () => {
    state.publish(DialogueStateType.create({ state: 'listening' }));
    await after(1500); // leaning in takes the head; the nod would wait for it
    const segment = activity('start', Date.now() - 2000, Date.now() - 2000);
    await after(0);
    // The end message arrives 500 ms after the voice stopped (the detector's hangover).
    activity('end', segment, Date.now() - 500);
    await after(150);
    expect(nods()).toEqual([]);
    await after(100);
    expect(nods()).toEqual(['small_nod']);
  });

  it('does not nod while the robot speaks, nor on its own voice after', async () => {
    state.publish(DialogueStateType.create({ state: 'speaking' }));
    speech.publish(
      SpeechEventType.create({ kind: 'start', text: 'I hear you.', utterance_id: 'u' }),
    );
    await after(0);
    const own = activity('start', Date.now());
    await after(500);
    speech.publish(SpeechEventType.create({ kind: 'end', text: 'I hear you.', utterance_id: 'u' }));
    state.publish(DialogueStateType.create({ state: 'followUp' }));
    await after(0);
    // The microphone's segment (the robot's voice) ends once the robot is in followUp.
    activity('end', own);
    await after(2000);
    expect(nods()).toEqual([]);
    // The person answers in the follow-up window, well after the echo tail: nod on their pause.
    const answer = activity('start', Date.now() + 1000, Date.now() + 1000);
    await after(0);
    activity('end', answer, Date.now() + 2000);
    await after(800);
    expect(nods()).toEqual(['small_nod']);
  });

  it('holds back a transcript pause while the voice goes on', async () => {
    state.publish(DialogueStateType.create({ state: 'listening' }));
    await after(1500);
    activity('start', Date.now());
    transcript.publish(TranscriptType.create({ text: 'I have been', is_final: false }));
    await after(1500); // the recognizer is quiet, but the voice has not stopped
    expect(nods()).toEqual([]);
  });
});
