import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { encodeWav } from '@hearth/audio';
import {
  AZURE_DEFAULT_VOICE,
  AzureTtsEngine,
  EspeakEngine,
  TTS_ENGINES,
  TTS_PARAMETER_DEFAULTS,
  type Synthesis,
  type TtsEngine,
  type TtsEngineName,
} from '@hearth/tts';
import { CliError } from '../errors.js';

export interface TtsSayOptions {
  readonly out: string;
  readonly json: boolean;
  readonly engine: string;
  readonly voice?: string;
  readonly rate?: string;
  readonly pitch?: string;
  /** Azure speaking style (mstts:express-as). */
  readonly style?: string;
}

/** One line of the event list: what the tts node would publish, in time order. */
interface SayEvent {
  readonly kind: 'word' | 'viseme';
  readonly offsetMs: number;
  readonly text?: string;
  readonly durationMs?: number;
  readonly viseme?: string;
}

function integerOption(
  value: string | undefined,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new CliError(`${name} must be a whole number from ${min} to ${max}, got "${value}".`);
  }
  return parsed;
}

function engineName(value: string): TtsEngineName {
  const known = (TTS_ENGINES as readonly string[]).includes(value);
  if (!known) {
    throw new CliError(`--engine must be one of ${TTS_ENGINES.join(', ')}, got "${value}".`);
  }
  return value as TtsEngineName;
}

function makeEngine(name: TtsEngineName, style: string | undefined): TtsEngine {
  if (name === 'espeak-ng') return new EspeakEngine();
  return new AzureTtsEngine(style === undefined ? {} : { style: () => style });
}

function eventsOf(synthesis: Synthesis): SayEvent[] {
  const words: SayEvent[] = synthesis.words.map((word) => ({
    kind: 'word',
    offsetMs: word.offsetMs,
    text: word.text,
    durationMs: word.durationMs,
  }));
  const visemes: SayEvent[] = synthesis.visemes.map((v) => ({
    kind: 'viseme',
    offsetMs: v.offsetMs,
    viseme: v.viseme,
  }));
  // Stable sort: at the same offset a word comes before its first mouth shape, as on the topic.
  return [...words, ...visemes].sort((a, b) => a.offsetMs - b.offsetMs);
}

/**
 * `hearth tts say TEXT --out FILE [--json]`: synthesizes one utterance as the tts node would
 * (same engines, parameters and timing), writes the WAV and prints its word and viseme events.
 */
export async function ttsSayCommand(
  text: string,
  options: TtsSayOptions,
  out: NodeJS.WritableStream,
): Promise<number> {
  if (text.trim().length === 0)
    throw new CliError(
      'Give the text to say, e.g. `hearth tts say "Hello there." --out hello.wav`.',
    );
  const engine = engineName(options.engine);
  const voice =
    options.voice ?? (engine === 'azure' ? AZURE_DEFAULT_VOICE : TTS_PARAMETER_DEFAULTS.voice);
  const rate = integerOption(options.rate, '--rate', 80, 450, TTS_PARAMETER_DEFAULTS.rate);
  const pitch = integerOption(options.pitch, '--pitch', 0, 99, TTS_PARAMETER_DEFAULTS.pitch);
  const synthesis = await makeEngine(engine, options.style).synthesize(text, {
    voice,
    rate,
    pitch,
  });
  await mkdir(dirname(options.out), { recursive: true });
  await writeFile(options.out, encodeWav(synthesis.audio));
  const events = eventsOf(synthesis);
  const durationMs = Math.round(synthesis.durationMs);
  if (options.json) {
    out.write(
      `${JSON.stringify({
        text,
        file: options.out,
        engine,
        voice,
        rate,
        pitch,
        sampleRate: synthesis.audio.sampleRate,
        durationMs,
        visemeSet: 'microsoft-0-21',
        events,
      })}\n`,
    );
    return 0;
  }
  out.write(
    `Wrote ${options.out}: ${(durationMs / 1000).toFixed(2)} s at ${synthesis.audio.sampleRate} Hz ` +
      `(${engine}, voice ${voice}, ${rate} wpm, pitch ${pitch}); ` +
      `${synthesis.words.length} words, ${synthesis.visemes.length} visemes (Microsoft ids 0-21)\n`,
  );
  for (const event of events) {
    const at = `${(event.offsetMs / 1000).toFixed(3)} s`.padStart(9);
    out.write(
      event.kind === 'word'
        ? `${at}  word    ${event.text ?? ''}\n`
        : `${at}  viseme  ${event.viseme ?? ''}\n`,
    );
  }
  return 0;
}
