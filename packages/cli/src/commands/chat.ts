import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ChatDriver } from '../chat/ChatDriver.js';
import { turnJson, turnText } from '../chat/formatTurn.js';
import { composeGraph } from '../graph/composeGraph.js';
import { loadRobotProfile } from '../robotProfile.js';
import { modelOverrides } from './modelChoice.js';
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
}

/**
 * `hearth chat`: the whole graph with stdin as the person's voice, one utterance per line. Each
 * reply is printed when it has been spoken (written to a WAV file); `--json` prints one object
 * per turn. Exits 0 at the end of input.
 */
export async function chatCommand(
  options: ChatOptions,
  input: NodeJS.ReadableStream,
  out: NodeJS.WritableStream,
): Promise<number> {
  const profile = loadRobotProfile(options.robot);
  const overrides = await modelOverrides(options.model);
  // No speaker is attached: speech is written to files without waiting for its playing time.
  if (!options.realtime) overrides.tts = { ...overrides.tts, playback_speed: 10000 };
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
    const lines = createInterface({ input, crlfDelay: Infinity });
    for await (const line of lines) {
      const text = line.trim();
      if (text === '') continue;
      const turn = await driver.say(text);
      out.write(options.json ? `${JSON.stringify(turnJson(turn))}\n` : `${turnText(turn)}\n`);
    }
    return 0;
  } finally {
    await graph?.dispose();
    await broker.embedded?.close();
  }
}
