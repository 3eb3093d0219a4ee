/**
 * The dialogue node with the REAL llm node (the tiny GGUF test model, loaded by node-llama-cpp)
 * and the REAL tts node (espeak-ng), on the in-process graph. Barge-in lands at random moments
 * (fast-check, seeded, a few runs) while a long reply is generated (max_tokens far beyond what
 * the barge-in leaves time for): the generation running at the barge-in stops, cancelled, within
 * a short time; after the cancel has resolved no tts start, word or viseme event comes and the
 * group WAV grows no more; and the robot is never stuck.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { makeTestModel } from '@hearth/gguf';
import {
  createInProcessTransport,
  LogCapture,
  Qos,
  type GraphNode,
  type GraphTransport,
} from '@hearth/graph';
import {
  DialogueStateType,
  NodeNames,
  SpeechEventType,
  Topics,
  TranscriptType,
  TurnRecordType,
  WakeWordType,
  type TurnRecord,
} from '@hearth/interfaces';
import {
  LlmNode,
  LlmParameters,
  loadReplyEngine,
  type ReplyEngine,
  type ReplyResult,
} from '@hearth/llm';
import { EspeakEngine, TtsNode } from '@hearth/tts';
import { DialogueNode } from '../../src/index.js';
import { until } from '../../../../tests/support/until.js';

/** The wait for a real model and real speech on a busy machine: longer than until's default. */
const WAIT_MS = 20_000;

/** A generation the engine finished: how it ended, and when (ms, Date.now). */
interface Generation {
  readonly result: ReplyResult;
  readonly endedAt: number;
}

/** Counts generations in flight inside the llm node (the engine's own calls), and keeps how each ended. */
function counting(
  engine: ReplyEngine,
  running: { count: number },
  ended: Generation[],
): ReplyEngine {
  return {
    kind: engine.kind,
    generate: async (request, options) => {
      running.count++;
      try {
        const result = await engine.generate(request, options);
        ended.push({ result, endedAt: Date.now() });
        return result;
      } finally {
        running.count--;
      }
    },
    endSession: (id) => engine.endSession(id),
    dispose: () => engine.dispose(),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'hearth-dialogue-real-'));
const running = { count: 0 };
const generations: Generation[] = [];
/**
 * Long enough that an uncancelled generation outlives any wait below: the tiny model makes at
 * most about 700 tokens/s here (one thread), so this reply would take over 5 s.
 */
const LONG_REPLY_TOKENS = 4096;
/** How soon after a barge-in the running generation must have stopped. */
const CANCEL_WITHIN_MS = 1500;
/** The model's and the session's context: room for the long reply. */
const CONTEXT_TOKENS = 8192;
let transport: GraphTransport;
let llmGraphNode: GraphNode;
let llm: LlmNode;
let tts: TtsNode;
let dialogue: DialogueNode;
let tester: GraphNode;
const states: string[] = [];
/** Each reply record, when it came, and the size of its WAV then (-1: none). */
const turns: { record: TurnRecord; at: number; wavBytes: number }[] = [];
/** Every tts event that means sound: start, word and viseme. */
const speechEvents: { id: string; kind: string; at: number }[] = [];

function wavBytes(path: string): number {
  return path !== '' && existsSync(path) ? statSync(path).size : -1;
}

beforeAll(async () => {
  const modelPath = join(dir, 'tiny.gguf');
  await makeTestModel({ outPath: modelPath, seed: 1, contextLength: CONTEXT_TOKENS });
  transport = createInProcessTransport({ logger: { level: 'warn', capture: new LogCapture() } });
  llmGraphNode = transport.createNode(NodeNames.llm, {
    parameterOverrides: {
      model_path: modelPath,
      model_process: 'inline',
      threads: 1,
      // Room for a long reply (the barge-in test); the first test keeps replies short.
      context_size: CONTEXT_TOKENS,
      max_tokens: 24,
    },
  });
  const parameters = new LlmParameters(llmGraphNode);
  const engine = await loadReplyEngine(parameters.engineConfig(), llmGraphNode.logger);
  expect(engine.kind).toBe('model');
  llm = new LlmNode(llmGraphNode, counting(engine, running, generations), { parameters });
  // Fast enough for a test, slow enough that speech lasts a few hundred ms to barge in on.
  tts = new TtsNode(
    transport.createNode(NodeNames.tts, { parameterOverrides: { playback_speed: 4 } }),
    new EspeakEngine(),
    { audioDir: join(dir, 'audio') },
  );
  dialogue = new DialogueNode(
    transport.createNode(NodeNames.dialogue, {
      parameterOverrides: { follow_up_window_ms: 60000, no_speech_timeout_ms: 60000 },
    }),
  );
  tester = transport.createNode('tester');
  tester.createSubscription(
    DialogueStateType,
    Topics.dialogueState,
    (m) => states.push(m.state),
    Qos.state,
  );
  tester.createSubscription(
    TurnRecordType,
    Topics.dialogueTurn,
    // Replies only: the session's opening words have a record of their own (kind greeting).
    (record) => {
      if (record.kind === 'reply')
        turns.push({ record, at: Date.now(), wavBytes: wavBytes(record.audio_path) });
    },
    Qos.events,
  );
  tester.createSubscription(
    SpeechEventType,
    Topics.ttsEvents,
    (event) => {
      if (['start', 'word', 'viseme'].includes(event.kind))
        speechEvents.push({ id: event.utterance_id, kind: event.kind, at: Date.now() });
    },
    Qos.events,
  );
}, 120_000);

afterAll(async () => {
  dialogue?.dispose();
  tts?.dispose();
  await llm?.dispose();
  await transport?.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

function wake(): void {
  tester
    .createPublisher(WakeWordType, Topics.wakeWord, Qos.events)
    .publish(WakeWordType.create({ phrase: 'hey hearth', engine: 'console', score: 1 }));
}

function say(text: string): void {
  tester.createPublisher(TranscriptType, Topics.transcript, Qos.events).publish(
    TranscriptType.create({
      text,
      is_final: true,
      confidence: 1,
      language: 'en-US',
      source: 'typed',
    }),
  );
}

describe('dialogue with the real llm and tts nodes', () => {
  it('speaks a real reply and records the llm account in the turn', async () => {
    wake();
    await until('listening', () => dialogue.state === 'listening', WAIT_MS);
    const before = turns.length;
    say('hello there');
    await until('the turn', () => turns.length > before, 60000);
    const record = turns.at(-1)!.record;
    expect(record.interrupted).toBe(false);
    expect(record.reply_text.length).toBeGreaterThan(0);
    expect(record.generated_tokens).toBeGreaterThan(0);
    expect(record.prompt_tokens_evaluated).toBeGreaterThan(0);
    expect(record.barge_in_to_silence_ms).toBe(-1);
    // Which model answered, for telemetry's metrics (the fallback on a machine too busy for it).
    expect(record.model).toBe(record.fallback ? 'fallback' : 'tiny.gguf');
    expect(dialogue.state).toBe('followUp');
  }, 60_000);

  it('survives barge-in at random moments: the generation is cancelled, silence is silence, not stuck', async () => {
    expect(llmGraphNode.setParameters({ max_tokens: LONG_REPLY_TOKENS })[0]?.successful).toBe(true);
    let cancelledInFlight = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 900 }),
        fc.constantFrom('wake' as const, 'interrupt' as const),
        async (delayMs, how) => {
          if (dialogue.state === 'asleep') wake();
          await until('ready', () => ['listening', 'followUp'].includes(dialogue.state), WAIT_MS);
          const before = turns.length;
          const endedBefore = generations.length;
          say(`tell me something long, number ${delayMs}`);
          await until(
            'thinking',
            () => dialogue.state !== 'listening' && dialogue.state !== 'followUp',
            WAIT_MS,
          );
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          const wasBusy = dialogue.state === 'thinking' || dialogue.state === 'speaking';
          const generating = running.count > 0;
          const bargeInAt = Date.now();
          if (how === 'wake') wake();
          else dialogue.send({ type: 'user.bargeIn' });
          // The generation running at the barge-in stops soon, cut short by the cancel: it had
          // far more tokens left to make than this wait leaves time for.
          await until('no generation running', () => running.count === 0, CANCEL_WITHIN_MS);
          if (generating) {
            const stopped = generations.slice(endedBefore).at(-1);
            expect(stopped?.result.cancelled).toBe(true);
            expect(stopped?.result.generatedTokens).toBeLessThan(LONG_REPLY_TOKENS);
            expect((stopped?.endedAt ?? Infinity) - bargeInAt).toBeLessThan(CANCEL_WITHIN_MS);
            cancelledInFlight++;
          }
          await until('the turn record', () => turns.length > before, 30000);
          const { record, at: silentAt, wavBytes: bytesAtSilence } = turns.at(-1)!;
          if (wasBusy) {
            expect(record.interrupted).toBe(true);
            expect(record.barge_in_to_silence_ms).toBeGreaterThanOrEqual(0);
          }
          await until('listening', () => dialogue.state === 'listening', 5000);
          // Give a late utterance every chance to show itself.
          await new Promise((resolve) => setTimeout(resolve, 300));
          expect(speechEvents.filter((e) => e.at > silentAt)).toEqual([]);
          expect(wavBytes(record.audio_path)).toBe(bytesAtSilence);
          expect(running.count).toBe(0);
          expect(dialogue.state).toBe('listening');
        },
      ),
      { numRuns: 4, seed: 4242, endOnFailure: true },
    );
    // The barge-ins did cut real generation and real speech short (the seed puts some late).
    expect(cancelledInFlight).toBeGreaterThan(0);
    expect(turns.some((t) => t.record.interrupted && t.record.states.includes('speaking'))).toBe(
      true,
    );
    // And the conversation goes on.
    llmGraphNode.setParameters({ max_tokens: 24 });
    const before = turns.length;
    say('are you still there');
    await until('a full turn', () => turns.length > before, 60000);
    expect(turns.at(-1)?.record.interrupted).toBe(false);
    expect(states.at(-1)).toBe('followUp');
  }, 120_000);
});
