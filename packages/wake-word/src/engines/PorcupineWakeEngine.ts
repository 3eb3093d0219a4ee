import { basename } from 'node:path';
import { FrameAssembler } from '@hearth/audio';
import { Qos, type Disposable, type Subscription } from '@hearth/graph';
import { AudioFrameType, Topics, type AudioFrame } from '@hearth/interfaces';
import { PorcupineUnavailableError } from '../errors.js';
import { DetectionListeners } from './AudioListeners.js';
import { readPicovoiceAccessKey } from './picovoiceAccessKey.js';
import { StreamClock } from './StreamClock.js';
import type { DetectionListener, WakeEngineContext, WakeWordEngine } from './WakeWordEngine.js';

/** The part of @picovoice/porcupine-node 4.x's Porcupine class this adapter uses. */
export interface PorcupineHandle {
  readonly frameLength: number;
  readonly sampleRate: number;
  readonly version: string;
  process(frame: Int16Array): number;
  release(): void;
}

/** The part of the module: the constructor and the built-in keyword files. */
export interface PorcupineModule {
  Porcupine: new (
    accessKey: string,
    keywordPaths: string[],
    sensitivities: number[],
    options?: { modelPath?: string; device?: string },
  ) => PorcupineHandle;
  getBuiltinKeywordPath(keyword: never): string;
  BuiltinKeyword: Record<string, string>;
}

export const PorcupineParameters = {
  keywords: 'porcupine_keywords',
  sensitivities: 'porcupine_sensitivities',
  modelPath: 'porcupine_model_path',
  device: 'porcupine_device',
  accessKeyFile: 'porcupine_access_key_file',
} as const;

export interface PorcupineWakeEngineOptions {
  /** Replaces `import('@picovoice/porcupine-node')` (tests run a fake of the SDK). */
  readonly load?: () => Promise<PorcupineModule>;
  /** Replaces the AccessKey lookup (tests; the real one reads the env or the key file). */
  readonly accessKey?: () => Promise<string>;
}

/** A keyword file's phrase: `hey-hearth_en_linux_v3_0_0.ppn` → `hey hearth`. */
export function keywordPhrase(keyword: string): string {
  if (!keyword.endsWith('.ppn')) return keyword;
  return basename(keyword, '.ppn')
    .replace(/_[a-z]{2}_(linux|mac|windows|raspberry-pi|android|ios|wasm)_v[\d_]+$/i, '')
    .replace(/[-_]+/g, ' ');
}

async function loadPorcupine(): Promise<PorcupineModule> {
  try {
    // Imported when the engine starts, so builds without the SDK (or platforms it does not
    // support) run every other engine. Assigning the real module's members to PorcupineModule
    // type-checks this adapter's view of the SDK against the SDK's own .d.ts.
    const sdk = await import('@picovoice/porcupine-node');
    const module: PorcupineModule = {
      Porcupine: sdk.Porcupine,
      getBuiltinKeywordPath: sdk.getBuiltinKeywordPath,
      BuiltinKeyword: sdk.BuiltinKeyword,
    };
    return module;
  } catch (error) {
    throw new PorcupineUnavailableError(error);
  }
}

/**
 * The SDK's errors quote the AccessKey (e.g. "Failed to parse AccessKey `...`"); this one says
 * the same with the key blanked, so it can be logged.
 */
export function redactAccessKey(error: unknown, accessKey: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  const redacted = accessKey === '' ? message : message.split(accessKey).join('<AccessKey>');
  const safe = new Error(`Porcupine failed to start: ${redacted}`);
  safe.name = 'PorcupineStartError';
  return safe;
}

/**
 * Picovoice Porcupine: built-in keywords by name (porcupine, computer, jarvis, ...) or custom
 * `.ppn` files made in the Picovoice Console, with a sensitivity each. It needs the user's
 * AccessKey (validated online by the SDK at start), read from PICOVOICE_ACCESS_KEY or a secrets
 * file outside the repository, and never logged.
 */
export class PorcupineWakeEngine implements WakeWordEngine {
  readonly name = 'porcupine';
  private readonly listeners: DetectionListeners;
  private readonly clock = new StreamClock();
  private readonly keywords: string[];
  private readonly sensitivities: number[];
  private readonly modelPath: string;
  private readonly device: string;
  private readonly accessKeyFile: string;
  private porcupine: PorcupineHandle | undefined;
  private assembler: FrameAssembler | undefined;
  private subscription: Subscription | undefined;
  private running = false;
  private starting: Promise<void> | undefined;
  /** Samples given to Porcupine since start: the stream time of each frame's end. */
  private processedSamples = 0;

  constructor(
    private readonly context: WakeEngineContext,
    private readonly options: PorcupineWakeEngineOptions = {},
  ) {
    const node = context.node;
    this.listeners = new DetectionListeners(node.logger);
    this.keywords = node.declareParameter<string[]>(PorcupineParameters.keywords, ['porcupine'], {
      description:
        'Built-in keyword names (porcupine, computer, jarvis, ...) or paths to .ppn files ' +
        'made in the Picovoice Console; the phrase reported is the name or the file name.',
      kind: 'string_array',
      readOnly: true,
    });
    this.sensitivities = node.declareParameter<number[]>(PorcupineParameters.sensitivities, [], {
      description:
        'One per keyword, 0 to 1 (higher: fewer misses, more false alarms); default 0.5.',
      kind: 'double_array',
      readOnly: true,
    });
    this.modelPath = node.declareParameter(PorcupineParameters.modelPath, '', {
      description: 'A Porcupine model (.pv) for another language; empty: English.',
      readOnly: true,
    });
    this.device = node.declareParameter(PorcupineParameters.device, '', {
      description: 'Inference device: cpu, cpu:N threads, gpu, best; empty: the SDK default.',
      readOnly: true,
    });
    this.accessKeyFile = node.declareParameter(PorcupineParameters.accessKeyFile, '', {
      description:
        'A file holding only the Picovoice AccessKey, outside the repository; empty: ' +
        '~/.config/hearth/picovoice_access_key. PICOVOICE_ACCESS_KEY overrides it.',
      readOnly: true,
    });
  }

  /** The phrases reported, one per keyword. */
  get phrases(): string[] {
    return this.keywords.map(keywordPhrase);
  }

  /**
   * Starts listening. The node starts the engine at construction; a second call (a test, a
   * lifecycle manager) gets the same start rather than a second native instance.
   */
  start(): Promise<void> {
    this.starting ??= this.begin().catch((error: unknown) => {
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  private async begin(): Promise<void> {
    const accessKey = await (
      this.options.accessKey ?? (() => readPicovoiceAccessKey({ keyFile: this.accessKeyFile }))
    )();
    const sdk = await (this.options.load ?? loadPorcupine)();
    const keywordPaths = this.keywords.map((keyword) =>
      keyword.endsWith('.ppn') ? keyword : sdk.getBuiltinKeywordPath(keyword as never),
    );
    const sensitivities = this.keywords.map((_, i) => this.sensitivities[i] ?? 0.5);
    const options: { modelPath?: string; device?: string } = {};
    if (this.modelPath !== '') options.modelPath = this.modelPath;
    if (this.device !== '') options.device = this.device;
    try {
      // The SDK validates the key online here.
      this.porcupine = new sdk.Porcupine(accessKey, keywordPaths, sensitivities, options);
    } catch (error) {
      throw redactAccessKey(error, accessKey);
    }
    this.assembler = new FrameAssembler(this.porcupine.frameLength);
    this.clock.reset();
    this.processedSamples = 0;
    this.running = true;
    this.subscription ??= this.context.node.createSubscription(
      AudioFrameType,
      Topics.audioIn,
      (frame) => this.hear(frame),
      Qos.sensorData,
    );
    this.context.node.logger.info('porcupine listening', {
      version: this.porcupine.version,
      keywords: this.phrases,
    });
  }

  stop(): void {
    this.running = false;
    this.starting = undefined;
    this.porcupine?.release();
    this.porcupine = undefined;
  }

  onDetection(listener: DetectionListener): Disposable {
    return this.listeners.add(listener);
  }

  dispose(): void {
    this.stop();
    this.listeners.clear();
  }

  private hear(frame: AudioFrame): void {
    const porcupine = this.porcupine;
    if (!this.running || porcupine === undefined || this.assembler === undefined) return;
    if (frame.sample_rate !== porcupine.sampleRate) return;
    const samples = Int16Array.from(frame.samples);
    this.clock.frame(frame.stamp, samples.length, frame.sample_rate);
    for (const chunk of this.assembler.push(samples)) {
      this.processedSamples += chunk.length;
      const streamMs = (this.processedSamples * 1000) / porcupine.sampleRate;
      const index = porcupine.process(chunk);
      if (index < 0) continue;
      const keyword = this.keywords[index];
      if (keyword === undefined) continue;
      // Porcupine reports at the end of the frame that completed the keyword; it gives no score
      // and no start, so the span is that frame.
      const endMs = this.clock.toClockMs(streamMs);
      this.listeners.emit({
        phrase: keywordPhrase(keyword),
        score: 1,
        bargeIn: false,
        heard: { startMs: endMs - (porcupine.frameLength * 1000) / porcupine.sampleRate, endMs },
      });
    }
  }
}
