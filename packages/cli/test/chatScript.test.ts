import { describe, expect, it } from '@jest/globals';
import { TurnRecordType } from '@hearth/interfaces';
import type { ChatTurn } from '../src/chat/ChatDriver.js';
import { parseChatLine, type ChatLine } from '../src/chat/directives.js';
import { turnJson, turnText } from '../src/chat/formatTurn.js';
import { runChatScript } from '../src/chat/runChatScript.js';

describe('hearth chat script lines', () => {
  it('reads utterances and the three directives', () => {
    expect(parseChatLine('  hello there ', 1)).toEqual({ kind: 'say', text: 'hello there' });
    expect(parseChatLine('', 1)).toBeUndefined();
    expect(parseChatLine('/wait 250', 1)).toEqual({ kind: 'wait', ms: 250 });
    expect(parseChatLine('/silence 0', 1)).toEqual({ kind: 'silence', ms: 0 });
    expect(parseChatLine('/interrupt', 1)).toEqual({ kind: 'interrupt' });
    expect(parseChatLine('//wait is a word', 1)).toEqual({ kind: 'say', text: '/wait is a word' });
  });

  it('names the line and the fix for a bad directive', () => {
    expect(() => parseChatLine('/wait', 3)).toThrow(
      /Line 3: \/wait needs a whole number of milliseconds/,
    );
    expect(() => parseChatLine('/silence -5', 4)).toThrow(/Line 4: \/silence needs/);
    expect(() => parseChatLine('/interrupt now', 5)).toThrow(
      /Line 5: \/interrupt takes no argument/,
    );
    expect(() => parseChatLine('/shout hi', 6)).toThrow(/Line 6: unknown directive "\/shout"/);
  });
});

function turn(user: string, interrupted = false): ChatTurn {
  return {
    record: TurnRecordType.create({
      user_text: user,
      reply_text: 'Hello.',
      interrupted,
      barge_in_to_silence_ms: interrupted ? 42.04 : -1,
      llm_first_token_ms: 12,
      prompt_tokens_evaluated: 30,
      generated_tokens: 9,
      tokens_per_second: 20.55,
      context_strategy: 'window',
      strategy: 'Question',
      model: 'tiny.gguf',
    }),
    state: interrupted ? 'listening' : 'followUp',
  };
}

async function* lines(items: ChatLine[]): AsyncGenerator<ChatLine> {
  yield* items;
}

describe('runChatScript', () => {
  it('lets a reply go on through /wait so /interrupt lands during it, and prints every turn', async () => {
    const log: string[] = [];
    let release: ((t: ChatTurn) => void) | undefined;
    const driver = {
      say: (text: string) => {
        log.push(`say ${text}`);
        if (text === 'long story') return new Promise<ChatTurn>((resolve) => (release = resolve));
        return Promise.resolve(turn(text));
      },
      interrupt: () => {
        log.push('interrupt');
        release?.(turn('long story', true));
        return Promise.resolve('speaking');
      },
    };
    await runChatScript(
      lines([
        { kind: 'say', text: 'long story' },
        { kind: 'wait', ms: 5 },
        { kind: 'interrupt' },
        { kind: 'silence', ms: 5 },
        { kind: 'say', text: 'next' },
      ]),
      driver,
      (t) => log.push(`printed ${t.record.user_text} ${t.record.interrupted}`),
    );
    expect(log).toEqual([
      'say long story',
      'interrupt',
      'printed long story true',
      'say next',
      'printed next false',
    ]);
  });

  it('formats the turn: states, interruption, barge-in time and the llm account', () => {
    const json = turnJson(turn('hi', true));
    expect(json).toMatchObject({
      interrupted: true,
      timings: { bargeInToSilence: 42 },
      llm: {
        model: 'tiny.gguf',
        promptTokensEvaluated: 30,
        generatedTokens: 9,
        firstTokenMs: 12,
        tokensPerSecond: 20.6,
        contextStrategy: 'window',
        fallback: false,
        strategy: 'Question',
      },
    });
    expect(turnJson(turn('hi')).timings).not.toHaveProperty('bargeInToSilence');
    // Robot-initiated speech generated nothing: no model answered.
    const greeting = turnJson({
      record: TurnRecordType.create({ kind: 'greeting' }),
      state: 'listening',
    });
    expect(greeting.llm).toMatchObject({ model: null });
    expect(turnText(turn('hi', true))).toBe('hearth: Hello.  (interrupted)');
  });
});

describe('robot-initiated speech in hearth chat', () => {
  const robot = (kind: string, replyText: string): ChatTurn => ({
    record: TurnRecordType.create({
      kind,
      turn_index: 0,
      reply_text: replyText,
      states: ['asleep', 'speaking', 'listening'],
      llm_first_token_ms: -1,
      llm_total_ms: -1,
      tts_first_audio_ms: 3,
      turn_total_ms: 900,
    }),
    state: 'listening',
  });

  it('prints what the robot says on its own, before the reply that follows it', async () => {
    const printed: string[] = [];
    let robotTurn: ((turn: ChatTurn) => void) | undefined;
    const driver = {
      onRobotTurn: (listener: (turn: ChatTurn) => void) => (robotTurn = listener),
      ready: () => {
        robotTurn?.(robot('greeting', "Hello, I'm Hearth, an AI companion."));
        return Promise.resolve();
      },
      say: (text: string) => Promise.resolve(turn(text)),
      interrupt: () => Promise.resolve('listening'),
    };
    await runChatScript(lines([{ kind: 'say', text: 'hi' }]), driver, (t) =>
      printed.push(turnText(t)),
    );
    expect(printed).toEqual(["hearth: Hello, I'm Hearth, an AI companion.", 'hearth: Hello.']);
  });

  it("gives the kind in the JSON line and marks a caregiver's words in the text", () => {
    expect(turnJson(robot('check_in', 'I am still here.'))).toMatchObject({
      kind: 'check_in',
      user: '',
      turn: 0,
      states: ['asleep', 'speaking', 'listening'],
      timings: { llmFirstToken: null, ttsFirstAudio: 3, turnTotal: 900 },
    });
    expect(turnJson(turn('hi')).kind).toBe('reply');
    expect(turnText(robot('caregiver_say', 'Lunch is ready.'))).toBe(
      "hearth: Lunch is ready.  (a caregiver's words)",
    );
    expect(turnText(robot('reprompt', ''))).toBe('hearth: (the re-prompt could not be said)');
  });
});
