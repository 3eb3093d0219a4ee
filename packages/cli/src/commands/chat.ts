import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { MEMORY_OUTBOX } from '@hearth/telemetry';
import { ChatDriver } from '../chat/ChatDriver.js';
import { parseChatLine, type ChatLine } from '../chat/directives.js';
import { turnJson, turnText } from '../chat/formatTurn.js';
import { runChatScript } from '../chat/runChatScript.js';
import { composeGraph } from '../graph/composeGraph.js';
import { loadRobotProfile } from '../robotProfile.js';
import { modelOverrides } from './modelChoice.js';
import { mergeOverrides, paramOverrides } from './paramOption.js';
import { chooseBroker } from './services.js';

export interface ChatOptions {
  json: boolean;
  model?: string;
  robot?: string;
  mqtt?: string;
  audioDir?: string;
  turnTimeout: number;
  /** Wait for each reply's real playing time, as a robot would; off by default (no speaker). */
  realtime: boolean;
  /** `--param node.name=value`. */
  param?: string[];
}

/** stdin's lines as utterances and directives (`/wait MS`, `/interrupt`, `/silence MS`). */
async function* chatLines(input: NodeJS.ReadableStream): AsyncGenerator<ChatLine> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    const parsed = parseChatLine(line, lineNumber);
    if (parsed !== undefined) yield parsed;
  }
}

/**
 * `hearth chat`: the whole graph with stdin as the person's voice, one utterance per line, with
 * script directives between them. Each reply is printed when it has been spoken (written to a WAV
 * file) or interrupted; `--json` prints one object per turn. Exits 0 at the end of input.
 */
export async function chatCommand(
  options: ChatOptions,
  input: NodeJS.ReadableStream,
  out: NodeJS.WritableStream,
): Promise<number> {
  const profile = loadRobotProfile(options.robot);
  const model = await modelOverrides(options.model);
  // A bad --model is reported and the graph goes on with the fallback replies.
  if (model.problem !== undefined) process.stderr.write(`error: ${model.problem}\n`);
  const overrides = mergeOverrides(model.overrides, paramOverrides(options.param));
  // No speaker is attached: speech is written to files without waiting for its playing time
  // (the `none` output); --realtime keeps the profile's output, paced as a robot would be.
  if (!options.realtime) overrides.tts = { ...overrides.tts, audio_output: 'none' };
  // A terminal chat is a throwaway session on its own broker: nothing to keep for a later run.
  overrides.telemetry = { ...overrides.telemetry, outbox_dir: MEMORY_OUTBOX };
  const audioDir = options.audioDir ?? (await mkdtemp(join(tmpdir(), 'hearth-chat-')));
  // An embedded broker on a free port, so chat never collides with a running `hearth start`.
  const broker = await chooseBroker({
    ...(options.mqtt === undefined ? {} : { mqtt: options.mqtt }),
    mqttPort: 0,
  });
  let graph;
  try {
    graph = await composeGraph({ profile, audioDir, mqttUrl: broker.url, overrides });
    for (const warning of graph.warnings) process.stderr.write(`warning: ${warning}\n`);
    for (const notice of graph.notices) process.stderr.write(`note: ${notice}\n`);
    const driver = new ChatDriver(graph.createNode('chat'), options.turnTimeout);
    await runChatScript(chatLines(input), driver, (turn) => {
      out.write(options.json ? `${JSON.stringify(turnJson(turn))}\n` : `${turnText(turn)}\n`);
    });
    return 0;
  } finally {
    await graph?.dispose();
    await broker.embedded?.close();
  }
}
