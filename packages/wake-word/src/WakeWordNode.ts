import { Qos, type Disposable, type GraphNode, type Publisher } from '@hearth/graph';
import {
  DialogueStateType,
  ROBOT_ECHO_TAIL_MS,
  Services,
  SpeechEventType,
  Topics,
  WakeService,
  WakeWordType,
  type WakeRequest,
  type WakeResponse,
  type Time,
  type WakeWord,
} from '@hearth/interfaces';
import { ConsoleWakeEngine } from './engines/ConsoleWakeEngine.js';
import { PorcupineWakeEngine } from './engines/PorcupineWakeEngine.js';
import { TemplateWakeEngine } from './engines/TemplateWakeEngine.js';
import type { WakeDetection, WakeEngineFactory, WakeWordEngine } from './engines/WakeWordEngine.js';
import { UnknownWakeEngineError } from './errors.js';
import { SelfHearingGate } from './gate/SelfHearingGate.js';

function timeFromMs(ms: number): Time {
  const sec = Math.floor(ms / 1000);
  return { sec, nanosec: Math.round((ms - sec * 1000) * 1e6) };
}

/** The engines this build knows, by the `engine` parameter's value. */
export const defaultWakeEngines: Readonly<Record<string, WakeEngineFactory>> = {
  console: (context) => new ConsoleWakeEngine(context),
  template: (context) => new TemplateWakeEngine(context),
  porcupine: (context) => new PorcupineWakeEngine(context),
};

export const WakeWordParameters = {
  engine: 'engine',
  phrase: 'phrase',
  bargeInPhrase: 'barge_in_phrase',
  selfHearingTailMs: 'self_hearing_tail_ms',
} as const;

export interface WakeWordNodeOptions {
  /** Replaces the engine table (tests, or a build with extra engines). */
  readonly engines?: Readonly<Record<string, WakeEngineFactory>>;
  /** Relative file parameters resolve against this folder (the robot profile's); default: cwd. */
  readonly baseDir?: string;
}

/**
 * The wake_word node: publishes a WakeWord message for every detection of its engine. Its wake
 * service (the simulator console, tests, tools) wakes the robot as if the phrase had been heard,
 * whatever the engine; it is refused while the dialogue is paused by a caregiver.
 */
export class WakeWordNode implements Disposable {
  readonly engine: WakeWordEngine;
  private readonly console: ConsoleWakeEngine;
  private readonly publisher: Publisher<WakeWord>;
  private readonly detections: Disposable[];
  private readonly parameterListener: Disposable;
  private readonly gate: SelfHearingGate;
  private phrase: string;
  /** The dialogue's state as last published (transient local, so known from the start). */
  private dialogueState = '';
  private disposed = false;

  constructor(
    private readonly node: GraphNode,
    options: WakeWordNodeOptions = {},
  ) {
    const engines = options.engines ?? defaultWakeEngines;
    const choices = Object.keys(engines);
    const fallback = choices.includes('console') ? 'console' : choices[0];
    if (fallback === undefined) throw new UnknownWakeEngineError('(none)', choices);
    // An override outside `choices` is refused by the graph, naming the file, key and choices.
    const engineName = node.declareParameter(WakeWordParameters.engine, fallback, {
      description:
        'Which wake-word detector runs: console (the simulator), template (offline, enrolled ' +
        'recordings) or porcupine (needs a Picovoice AccessKey).',
      choices,
      readOnly: true,
    });
    this.phrase = node.declareParameter(WakeWordParameters.phrase, 'hey hearth', {
      description:
        'The wake phrase the console engine reports; listening engines report the phrase ' +
        'they heard (template files, Porcupine keywords).',
    });
    const bargeInPhrase = node.declareParameter(WakeWordParameters.bargeInPhrase, 'hearth stop', {
      description:
        'The one phrase heard while the robot speaks (its own voice is ignored); empty: none.',
    });
    const tailMs = node.declareParameter(WakeWordParameters.selfHearingTailMs, ROBOT_ECHO_TAIL_MS, {
      description: "How long after the robot's audio ends its voice may still be heard (echo).",
      kind: 'integer',
      range: { min: 0, max: 5000 },
    });
    this.gate = new SelfHearingGate({ bargeInPhrase, tailMs });
    const factory = engines[engineName];
    if (factory === undefined) throw new UnknownWakeEngineError(engineName, choices);

    this.publisher = node.createPublisher(WakeWordType, Topics.wakeWord, Qos.events);
    const context = {
      node,
      phrase: () => this.phrase,
      ...(options.baseDir === undefined ? {} : { baseDir: options.baseDir }),
    };
    this.engine = factory(context);
    this.console =
      this.engine instanceof ConsoleWakeEngine ? this.engine : new ConsoleWakeEngine(context);
    this.detections = [...new Set<WakeWordEngine>([this.engine, this.console])].map((engine) =>
      engine.onDetection((detection) => this.detected(engine, detection)),
    );
    this.parameterListener = node.onParametersChanged((changes) => {
      for (const change of changes) {
        if (change.name === WakeWordParameters.phrase) this.phrase = String(change.value);
        if (change.name === WakeWordParameters.bargeInPhrase) {
          this.gate.configure({ bargeInPhrase: String(change.value) });
        }
        if (change.name === WakeWordParameters.selfHearingTailMs) {
          this.gate.configure({ tailMs: Number(change.value) });
        }
      }
    });
    node.createSubscription(
      SpeechEventType,
      Topics.ttsEvents,
      (event) => this.gate.observe(event, node.clock.nowMs()),
      Qos.events,
    );
    node.createSubscription(
      DialogueStateType,
      Topics.dialogueState,
      (state) => (this.dialogueState = state.state),
      Qos.state,
    );
    node.createService(WakeService, Services.wake, (request) => this.wake(request));

    this.console.start();
    if (this.engine !== this.console) {
      void Promise.resolve(this.engine.start()).catch((error: unknown) =>
        node.logger.error('the wake-word engine failed to start', {
          engine: engineName,
          error: String(error),
        }),
      );
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const detection of this.detections) detection.dispose();
    this.parameterListener.dispose();
    for (const engine of new Set([this.engine, this.console])) {
      void Promise.resolve(engine.stop()).finally(() => engine.dispose());
    }
    this.node.destroy();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  /**
   * Publishes a detection. The console's button is the person's own act and is never gated;
   * what a listening engine hears goes through the self-hearing gate first.
   */
  private detected(engine: WakeWordEngine, detection: WakeDetection): void {
    const admitted =
      engine === this.console ? detection : this.gate.admit(detection, this.node.clock.nowMs());
    if (admitted === undefined) {
      this.node.logger.debug('wake ignored: the robot was speaking', {
        phrase: detection.phrase,
        score: detection.score,
      });
      return;
    }
    // Stamped when the phrase ended in the audio (the frames' capture time) where the engine
    // knows it, so the wake is dated by the speech rather than by the detector's delay.
    const heardEndMs = admitted.heard?.endMs;
    this.publisher.publish(
      WakeWordType.create({
        stamp: heardEndMs === undefined ? this.node.clock.now() : timeFromMs(heardEndMs),
        phrase: admitted.phrase,
        engine: engine.name,
        score: admitted.score,
        barge_in: admitted.bargeIn,
      }),
    );
  }

  private wake(request: WakeRequest): WakeResponse {
    const paused = this.dialogueState === 'paused';
    // While the robot speaks, a wake is a barge-in (the dialogue decides whether it interrupts).
    const accepted = !paused && this.console.trigger(this.dialogueState === 'speaking');
    this.node.logger.info('wake requested', { source: request.source, accepted });
    return WakeService.response.create({ accepted, state: this.dialogueState });
  }
}
