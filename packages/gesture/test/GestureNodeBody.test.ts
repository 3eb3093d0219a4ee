import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { Qos, type Publisher } from '@hearth/graph';
import {
  DialogueStateType,
  GestureCommandType,
  JointTrajectoryType,
  SpeechEventType,
  Topics,
  TranscriptType,
  type GestureCommand,
  type SpeechEvent,
  type Transcript,
} from '@hearth/interfaces';
import {
  DEFAULT_GESTURES_FILE,
  DEFAULT_TRAJECTORY_TOPIC,
  gestureTrajectory,
  loadGestureProfile,
  rosJointTrajectory,
  type GestureProfile,
} from '../src/index.js';
import { settle, useGestureRigs, type GestureRig } from './support/gestureRig.js';

/**
 * tts events recorded from the real tts node speaking three Say goals with espeak-ng (visemes
 * left out): `start` (with the goal's strategy), one `word` per word at its offset, `end`.
 */
type Recorded = Pick<SpeechEvent, 'utterance_id' | 'kind' | 'text' | 'offset_ms' | 'strategy'>;
const recordedFile = new URL('./fixtures/espeak-tts-events.json', import.meta.url);

interface Rig extends GestureRig {
  readonly profile: GestureProfile;
  readonly transcript: Publisher<Transcript>;
  /** Commands with the fake time they arrived at. */
  readonly commands: { readonly atMs: number; readonly command: GestureCommand }[];
}

const rigs = useGestureRigs();

async function makeRig(
  overrides: Record<string, string | number | boolean> = {},
  trajectoryTopic = DEFAULT_TRAJECTORY_TOPIC,
): Promise<Rig> {
  const profile = await loadGestureProfile(DEFAULT_GESTURES_FILE);
  const base = rigs.start({ profile, parameterOverrides: overrides, trajectoryTopic });
  const { other, timers } = base;
  const commands: Rig['commands'][number][] = [];
  other.createSubscription(
    GestureCommandType,
    Topics.gestureCommand,
    (command) => commands.push({ atMs: timers.nowMs(), command }),
    Qos.events,
  );
  return {
    ...base,
    profile,
    transcript: other.createPublisher(TranscriptType, Topics.transcript, Qos.events),
    commands,
  };
}

/**
 * Replays recorded events on the fake clock, each at its offset from its utterance's start;
 * returns each sentence's start time.
 */
async function replay(r: Rig, events: readonly Recorded[]): Promise<Map<string, number>> {
  const starts = new Map<string, number>();
  let utteranceStart = r.timers.nowMs();
  for (const event of events) {
    if (event.kind === 'start') {
      utteranceStart = r.timers.nowMs();
      starts.set(event.text, utteranceStart);
    }
    await r.after(utteranceStart + event.offset_ms - r.timers.nowMs());
    r.speech.publish(SpeechEventType.create(event));
    if (event.kind === 'end') await r.after(3000); // the gestures play out between sentences
  }
  await settle();
  return starts;
}

async function recorded(): Promise<Recorded[]> {
  return JSON.parse(await readFile(recordedFile, 'utf8')) as Recorded[];
}

describe('GestureNode: the body (joint trajectories, word timing, strategy, soft cues)', () => {
  it('times each sentence gesture to its word in recorded tts events', async () => {
    const r = await makeRig();
    const starts = await replay(r, await recorded());
    expect(starts.size).toBe(3);
    const seen = r.commands.map(({ atMs, command }) => ({
      name: command.name,
      reason: command.reason,
      // When the gesture started, from its sentence's start event.
      fromStartMs: atMs - (starts.get(command.sentence) ?? NaN),
    }));
    expect(seen).toEqual([
      // The model's strategy; the stroke on the first content word, "understand" (209 ms).
      { name: 'slow_nod', reason: 'strategy', fromStartMs: 209 },
      // The greeting cue's own word, "hello" (630 ms), not the sentence's first word "Well".
      { name: 'wave', reason: 'sentence', fromStartMs: 630 },
      // A question's cue is its end: the head tilts on the last word, "it" (2034 ms).
      { name: 'head_tilt', reason: 'sentence', fromStartMs: 2034 },
    ]);
  });

  it('adds speech_offset_ms after the word, and falls back to the start without word timing', async () => {
    const r = await makeRig({ speech_offset_ms: 100, word_wait_ms: 400 });
    const say = (kind: string, text: string, id: string): void =>
      r.speech.publish(SpeechEventType.create({ kind, text, utterance_id: id }));
    say('start', 'I understand.', 'a');
    await r.after(250);
    say('word', 'I', 'a');
    say('word', 'understand', 'a');
    await r.after(99);
    expect(r.commands).toEqual([]);
    await r.after(1);
    expect(r.commands.map((c) => [c.command.name, c.atMs])).toEqual([['nod', 350]]);
    // An engine that sends no word events: the gesture goes word_wait_ms (+ offset) after start.
    await r.after(2000);
    const start = r.timers.nowMs();
    say('start', 'That sounds hard.', 'b');
    await r.after(499);
    expect(r.commands).toHaveLength(1);
    await r.after(1);
    expect(r.commands[1]?.atMs).toBe(start + 500);
    // A sentence that ends (or is cut off) before its word drops the gesture.
    await r.after(2000);
    say('start', 'You are carrying so much right now.', 'c');
    say('word', 'You', 'c');
    say('end', 'You are carrying so much right now.', 'c');
    await r.after(3000);
    expect(r.commands).toHaveLength(2);
  });

  it('takes the strategy on the start event, inferring only when it is empty', async () => {
    const r = await makeRig({ align_to_words: false });
    const sentence = 'It sounds like you have been carrying a lot.'; // inferred: Reflection of feelings
    r.speech.publish(
      SpeechEventType.create({ kind: 'start', text: sentence, strategy: 'Self-disclosure' }),
    );
    await r.after(3000);
    r.speech.publish(SpeechEventType.create({ kind: 'start', text: sentence, strategy: '' }));
    await r.after(3000);
    expect(r.commands.map((c) => [c.command.name, c.command.reason])).toEqual([
      ['comfort', 'strategy'],
      ['slow_nod', 'strategy'],
    ]);
  });

  it('publishes the scaled, limit-checked JointTrajectory of each gesture start, per layer', async () => {
    const r = await makeRig({ intensity: 0.5, align_to_words: false });
    r.speech.publish(SpeechEventType.create({ kind: 'start', text: 'I see.' }));
    await r.after(0);
    expect(r.commands.map((c) => c.command.name)).toEqual(['nod']);
    expect(r.trajectories).toHaveLength(1);
    const sent = r.trajectories[0]!.trajectory;
    // Exactly what `hearth gesture play nod --intensity 0.5 --json` prints.
    expect(sent).toEqual(rosJointTrajectory(gestureTrajectory(r.profile, 'nod', 0.5)));
    expect(sent.joint_names).toEqual(['head_pitch']);
    expect(sent.header).toEqual({ stamp: { sec: 0, nanosec: 0 }, frame_id: '' });
    const full = gestureTrajectory(r.profile, 'nod', 1).points.map((p) => p.positions[0]);
    expect(sent.points.map((p) => p.positions[0])).toEqual(full.map((p) => (p ?? 0) / 2));
    expect(JointTrajectoryType.check(sent).ok).toBe(true);

    // Asleep plays two loops on different joints together: one trajectory each, per cycle.
    await r.after(2000);
    r.state.publish(DialogueStateType.create({ state: 'asleep' }));
    await r.after(0);
    const loops = r.trajectories.slice(1).map((t) => t.trajectory.joint_names.join(','));
    expect(r.commands.slice(1).map((c) => c.command.name)).toEqual(['idle_breathing', 'idle_gaze']);
    expect(loops).toHaveLength(2);
    expect(new Set(loops).size).toBe(2);
    const breathing = r.profile.gestures.get('idle_breathing')!;
    await r.after(breathing.durationS * 1000);
    expect(r.trajectories.length).toBeGreaterThanOrEqual(4);
    // Leaving the state stops the cycles.
    r.state.publish(DialogueStateType.create({ state: 'listening' }));
    await r.after(0);
    const afterLeaving = r.trajectories.length;
    await r.after(20000);
    expect(r.trajectories.length).toBe(afterLeaving);
  });

  it("publishes on trajectory_topic, e.g. a robot's controller", async () => {
    const topic = '/head_controller/joint_trajectory';
    const r = await makeRig({ trajectory_topic: topic, align_to_words: false }, topic);
    r.speech.publish(SpeechEventType.create({ kind: 'start', text: 'I see.' }));
    await r.after(0);
    expect(r.trajectories.map((t) => t.trajectory.joint_names)).toEqual([['head_pitch']]);
    expect(r.node.setParameters({ trajectory_topic: '/elsewhere' })[0]?.successful).toBe(false);
  });

  it('shows a soft face cue with the listening nod, then the face it replaced', async () => {
    const r = await makeRig({ backchannel_face_ms: 1000 });
    r.state.publish(DialogueStateType.create({ state: 'listening' }));
    await r.after(1500);
    r.transcript.publish(TranscriptType.create({ text: 'I have been', is_final: false }));
    await r.after(700);
    expect(r.commands.map((c) => c.command.name)).toEqual(['lean_in', 'small_nod']);
    expect(r.faces.map((f) => f.expression)).toEqual(['attentive', 'warm']);
    await r.after(1000);
    expect(r.faces.map((f) => f.expression)).toEqual(['attentive', 'warm', 'attentive']);

    // Another expression, or none configured: no cue on the face.
    r.node.setParameters({ backchannel_face: '' });
    await r.after(3000); // backchannel_interval_ms
    r.transcript.publish(TranscriptType.create({ text: 'and then', is_final: false }));
    await r.after(5000);
    expect(r.commands.map((c) => c.command.name)).toEqual(['lean_in', 'small_nod', 'small_nod']);
    expect(r.faces).toHaveLength(3);
  });
});
