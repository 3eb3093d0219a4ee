import { resolve } from 'node:path';
import { Qos, type Disposable, type Subscription } from '@hearth/graph';
import { AudioFrameType, Topics, type AudioFrame } from '@hearth/interfaces';
import { InvalidWakeTemplateError } from '../errors.js';
import { MfccExtractor } from '../features/MfccExtractor.js';
import type { MfccOptions } from '../features/MfccOptions.js';
import {
  DEFAULT_NEGATIVE_MARGIN,
  TemplateMatcher,
  type TemplateMatcherOptions,
} from '../template/TemplateMatcher.js';
import { readWakeTemplateFile, type WakeTemplateFile } from '../template/WakeTemplateFile.js';
import { DetectionListeners } from './AudioListeners.js';
import { StreamClock } from './StreamClock.js';
import type { DetectionListener, WakeEngineContext, WakeWordEngine } from './WakeWordEngine.js';

export const TemplateWakeParameters = {
  models: 'template_models',
  threshold: 'template_threshold',
  refractoryMs: 'template_refractory_ms',
  negativeMargin: 'template_negative_margin',
} as const;

export const DEFAULT_TEMPLATE_THRESHOLD = 0.75;

/**
 * Best-effort like every audio subscriber, but a deeper queue (1.5 s of 30 ms frames) than the
 * sensor default: the matcher compares contiguous audio, so a frame lost while the event loop
 * was busy (a model loading, a burst of frames from a late timer) costs a detection, where a
 * frame matched a little late costs nothing.
 */
const AUDIO_QOS = { ...Qos.sensorData, depth: 50 };
export const DEFAULT_REFRACTORY_MS = 1500;

export interface TemplateWakeEngineOptions {
  /** Template files already loaded (tests); otherwise the `template_models` files are read. */
  readonly models?: readonly WakeTemplateFile[];
}

/**
 * The offline wake word that needs no licence (Rhasspy Raven's approach): MFCC templates enrolled
 * from a few recordings, matched by DTW on the live audio from /hearth/audio/in. One template file
 * per phrase: the wake phrase and, if wanted, the barge-in phrase.
 */
export class TemplateWakeEngine implements WakeWordEngine {
  readonly name = 'template';
  private readonly listeners: DetectionListeners;
  private readonly clock = new StreamClock();
  private readonly modelPaths: string[];
  private matchers: TemplateMatcher[] = [];
  /**
   * One MFCC stream per distinct feature setting: phrases enrolled alike (the wake and the
   * barge-in phrase) share one, so each frame's features are computed once, not per phrase.
   */
  private extractors: MfccExtractor[] = [];
  /** `extractorOf[i]` is the index in `extractors` of matcher i's stream. */
  private extractorOf: number[] = [];
  private subscription: Subscription | undefined;
  private parameterListener: Disposable | undefined;
  private running = false;
  private starting: Promise<void> | undefined;
  private warnedRate = false;
  private matcherOptions: TemplateMatcherOptions;

  constructor(
    private readonly context: WakeEngineContext,
    private readonly options: TemplateWakeEngineOptions = {},
  ) {
    const node = context.node;
    this.listeners = new DetectionListeners(node.logger);
    this.modelPaths = node.declareParameter<string[]>(TemplateWakeParameters.models, [], {
      description:
        'Template files (hearth wakeword enroll), one per phrase: the wake phrase, and the ' +
        'barge-in phrase if it should be heard while the robot speaks.',
      kind: 'string_array',
      readOnly: true,
    });
    this.matcherOptions = {
      threshold: node.declareParameter(
        TemplateWakeParameters.threshold,
        DEFAULT_TEMPLATE_THRESHOLD,
        {
          description:
            'Detection score (1 - mean DTW cosine distance) needed; higher: fewer false alarms.',
          kind: 'double',
          range: { min: 0, max: 1 },
        },
      ),
      refractoryMs: node.declareParameter(
        TemplateWakeParameters.refractoryMs,
        DEFAULT_REFRACTORY_MS,
        {
          description: 'No second detection of a phrase for this long after one.',
          kind: 'integer',
          range: { min: 0, max: 60000 },
        },
      ),
      negativeMargin: node.declareParameter(
        TemplateWakeParameters.negativeMargin,
        DEFAULT_NEGATIVE_MARGIN,
        {
          description:
            'With negative (confusable) templates enrolled, the phrase score must beat the ' +
            'best negative score by this much; higher: fewer near-miss accepts, more misses.',
          kind: 'double',
          range: { min: -1, max: 1 },
        },
      ),
    };
    this.parameterListener = node.onParametersChanged((changes) => {
      for (const change of changes) {
        if (change.name === TemplateWakeParameters.threshold) {
          this.matcherOptions = { ...this.matcherOptions, threshold: Number(change.value) };
        } else if (change.name === TemplateWakeParameters.refractoryMs) {
          this.matcherOptions = { ...this.matcherOptions, refractoryMs: Number(change.value) };
        } else if (change.name === TemplateWakeParameters.negativeMargin) {
          this.matcherOptions = { ...this.matcherOptions, negativeMargin: Number(change.value) };
        }
      }
      for (const matcher of this.matchers) matcher.configure(this.matcherOptions);
    });
  }

  /** The phrases this engine listens for. */
  get phrases(): string[] {
    return this.matchers.map((matcher) => matcher.phrase);
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
    const models = this.options.models ?? (await this.loadModels());
    this.matchers = models.map((model) => new TemplateMatcher(model, this.matcherOptions));
    const keys: string[] = [];
    this.extractors = [];
    this.extractorOf = this.matchers.map((matcher) => {
      const key = featuresKey(matcher.features);
      let index = keys.indexOf(key);
      if (index < 0) {
        index = keys.push(key) - 1;
        this.extractors.push(new MfccExtractor(matcher.features));
      }
      return index;
    });
    this.clock.reset();
    this.running = true;
    this.subscription ??= this.context.node.createSubscription(
      AudioFrameType,
      Topics.audioIn,
      (frame) => this.hear(frame),
      AUDIO_QOS,
    );
    this.context.node.logger.info('template wake word listening', { phrases: this.phrases });
  }

  stop(): void {
    this.running = false;
    this.starting = undefined;
    for (const matcher of this.matchers) matcher.reset();
    for (const extractor of this.extractors) extractor.reset();
  }

  onDetection(listener: DetectionListener): Disposable {
    return this.listeners.add(listener);
  }

  dispose(): void {
    this.running = false;
    this.parameterListener?.dispose();
    this.parameterListener = undefined;
    this.listeners.clear();
  }

  private async loadModels(): Promise<WakeTemplateFile[]> {
    if (this.modelPaths.length === 0) {
      throw new InvalidWakeTemplateError(
        '(none)',
        `the wake_word node's "${TemplateWakeParameters.models}" parameter names no file`,
      );
    }
    const baseDir = this.context.baseDir ?? process.cwd();
    return Promise.all(this.modelPaths.map((path) => readWakeTemplateFile(resolve(baseDir, path))));
  }

  private hear(frame: AudioFrame): void {
    if (!this.running) return;
    if (frame.sample_rate !== 16000 || frame.channels !== 1) {
      if (!this.warnedRate) {
        this.warnedRate = true;
        this.context.node.logger.warn('audio frames are not 16 kHz mono; ignored', {
          sample_rate: frame.sample_rate,
          channels: frame.channels,
        });
      }
      return;
    }
    const samples = Int16Array.from(frame.samples);
    this.clock.frame(frame.stamp, samples.length, frame.sample_rate);
    const frames = this.extractors.map((extractor) => extractor.push(samples));
    for (const [i, matcher] of this.matchers.entries()) {
      for (const match of matcher.pushFrames(frames[this.extractorOf[i] as number] ?? [])) {
        this.listeners.emit({
          phrase: match.phrase,
          score: match.score,
          bargeIn: false,
          heard: {
            startMs: this.clock.toClockMs(match.startMs),
            endMs: this.clock.toClockMs(match.endMs),
          },
        });
      }
    }
  }
}

function featuresKey(features: MfccOptions): string {
  const { sampleRate, frameMs, hopMs, preEmphasis, fftSize, filters, coefficients } = features;
  return [sampleRate, frameMs, hopMs, preEmphasis, fftSize, filters, coefficients].join(',');
}
