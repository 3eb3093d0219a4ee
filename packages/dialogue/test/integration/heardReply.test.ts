/**
 * After a barge-in, the next Generate goal that reaches the llm's action server carries what the
 * person heard of the cut reply, counted by the REAL tts node (espeak-ng, word timings from the
 * audio, simulated playback in real time): the sentence said whole, then the words of the cut
 * sentence spoken before the cancel.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createInProcessTransport,
  LogCapture,
  Qos,
  type GraphNode,
  type GraphTransport,
} from '@hearth/graph';
import {
  Actions,
  GenerateAction,
  NodeNames,
  SpeechEventType,
  Topics,
  TranscriptType,
  TurnRecordType,
  WakeWordType,
  type GenerateGoal,
  type TurnRecord,
} from '@hearth/interfaces';
import { EspeakEngine, TtsNode } from '@hearth/tts';
import { DialogueNode } from '../../src/index.js';
import { until } from '../../../../tests/support/until.js';

/** The wait for a real model and real speech on a busy machine: longer than until's default. */
const WAIT_MS = 20_000;

const FIRST = 'Once upon a time.';
const SECOND =
  'There was a little robot who lived by the sea and listened to the waves every single night.';

const dir = mkdtempSync(join(tmpdir(), 'hearth-dialogue-heard-'));
let transport: GraphTransport;
let tts: TtsNode;
let dialogue: DialogueNode;
let tester: GraphNode;
const goals: GenerateGoal[] = [];
const turns: TurnRecord[] = [];
const starts: string[] = [];

beforeAll(() => {
  transport = createInProcessTransport({ logger: { level: 'warn', capture: new LogCapture() } });
  // The llm: streams the two sentences, then holds the goal until it is cancelled.
  transport
    .createNode(NodeNames.llm)
    .createActionServer(GenerateAction, Actions.generate, async (goal) => {
      goals.push(goal.goal);
      for (const [index, sentence] of [FIRST, SECOND].entries()) {
        goal.publishFeedback(
          GenerateAction.feedback.create({ sentence, sentence_index: index, first_token_ms: 1 }),
        );
      }
      await new Promise((resolve) => goal.signal.addEventListener('abort', resolve));
      return GenerateAction.result.create({ reply: '', cancelled: true });
    });
  tts = new TtsNode(
    transport.createNode(NodeNames.tts, { parameterOverrides: { playback_speed: 1 } }),
    new EspeakEngine(),
    { audioDir: join(dir, 'audio') },
  );
  // A short AI notice: it is said in real time before the robot listens.
  dialogue = new DialogueNode(
    transport.createNode(NodeNames.dialogue, { parameterOverrides: { ai_notice: 'I am an AI.' } }),
  );
  tester = transport.createNode('tester');
  tester.createSubscription(TurnRecordType, Topics.dialogueTurn, (m) => turns.push(m), Qos.events);
  tester.createSubscription(
    SpeechEventType,
    Topics.ttsEvents,
    (event) => {
      if (event.kind === 'start') starts.push(event.text);
    },
    Qos.events,
  );
});

afterAll(async () => {
  dialogue?.dispose();
  tts?.dispose();
  await transport?.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

function wake(): void {
  tester
    .createPublisher(WakeWordType, Topics.wakeWord, Qos.events)
    .publish(WakeWordType.create({ phrase: 'hey hearth', engine: 'console', score: 1 }));
}

function say(text: string): void {
  tester
    .createPublisher(TranscriptType, Topics.transcript, Qos.events)
    .publish(TranscriptType.create({ text, is_final: true, confidence: 1, source: 'typed' }));
}

describe('previous_reply_heard with the real tts', () => {
  it('carries the whole first sentence and the spoken words of the cut one', async () => {
    wake();
    await until('listening', () => dialogue.state === 'listening', 30000);
    say('tell me a story');
    await until('the second sentence starts', () => starts.includes(SECOND), WAIT_MS);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    wake();
    await until('the interrupted turn', () => turns.some((t) => t.interrupted), WAIT_MS);
    say('a robot?');
    await until('the next goal', () => goals.length === 2, WAIT_MS);

    const heard = goals[1]?.previous_reply_heard ?? '';
    expect(goals[0]?.previous_reply_heard).toBe('');
    expect(heard.startsWith(`${FIRST} `)).toBe(true);
    const cutWords = heard.slice(FIRST.length + 1).split(' ');
    // Some words of the cut sentence were heard, never all of them, in order from its start.
    expect(cutWords.length).toBeGreaterThanOrEqual(1);
    expect(cutWords.length).toBeLessThan(SECOND.split(' ').length);
    expect(SECOND.startsWith(cutWords.join(' '))).toBe(true);
  }, 60_000);
});
