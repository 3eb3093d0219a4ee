import { Qos, type Disposable, type GraphNode, type Publisher } from '@hearth/graph';
import { ANONYMOUS_VOICE_ID, Topics, TranscriptType, type Transcript } from '@hearth/interfaces';
import { AzureSpeechEngine } from './engines/azure/AzureSpeechEngine.js';
import { LocalSpeechEngine } from './engines/local/LocalSpeechEngine.js';
import type {
  RecognizedSpeech,
  SpeechToTextEngine,
  SttEngineFactory,
} from './engines/SpeechToTextEngine.js';
import { TypedTextEngine } from './engines/TypedTextEngine.js';
import { UnknownSttEngineError } from './errors.js';
import { SttParameters } from './parameters.js';
import { LiveSpeechPublisher } from './ros4hri/LiveSpeechPublisher.js';

export { SttParameters } from './parameters.js';

/** The engines this build knows, by the `engine` parameter's value. */
export const defaultSttEngines: Readonly<Record<string, SttEngineFactory>> = {
  typed: (context) => new TypedTextEngine(context),
  azure: (context) => new AzureSpeechEngine(context),
  local: (context) => new LocalSpeechEngine(context),
};

export interface SttNodeOptions {
  /** Replaces the engine table (tests, or a build with extra engines). */
  readonly engines?: Readonly<Record<string, SttEngineFactory>>;
}

/**
 * The stt node: runs one speech-to-text engine and publishes its results on Hearth's transcript
 * topic and, the ros4hri way, on `/humans/voices/<voice_id>/speech`.
 */
export class SttNode implements Disposable {
  readonly engine: SpeechToTextEngine;
  /** The ros4hri speech topic, or undefined when the `ros4hri` parameter is off. */
  readonly liveSpeechTopic: string | undefined;
  private readonly publisher: Publisher<Transcript>;
  private readonly liveSpeech: LiveSpeechPublisher | undefined;
  private readonly subscription: Disposable;
  private readonly parameterListener: Disposable;
  private language: string;
  private phrases: readonly string[];
  private disposed = false;

  constructor(
    private readonly node: GraphNode,
    options: SttNodeOptions = {},
  ) {
    const engines = options.engines ?? defaultSttEngines;
    const choices = Object.keys(engines);
    const fallback = choices.includes('typed') ? 'typed' : choices[0];
    if (fallback === undefined) throw new UnknownSttEngineError('(none)', choices);
    // An override outside `choices` is refused by the graph, naming the file, key and choices.
    const engineName = node.declareParameter(SttParameters.engine, fallback, {
      description:
        'Which speech-to-text engine runs: typed (the simulator), azure (Azure Speech; key and region from the environment) or local (an on-device recognizer).',
      choices,
      readOnly: true,
    });
    this.language = node.declareParameter(SttParameters.language, 'en-US', {
      description: 'BCP-47 language of the person’s speech, e.g. en-US.',
    });
    node.declareParameter(SttParameters.robotName, 'Hearth', {
      description: 'The robot’s name, given to the recognizer as a phrase to expect.',
    });
    node.declareParameter<string[]>(SttParameters.personNames, [], {
      description: 'Names of the people the robot lives with, given to the recognizer as phrases.',
      kind: 'string_array',
    });
    this.phrases = this.readPhrases();
    const voiceId = node.declareParameter(SttParameters.voiceId, ANONYMOUS_VOICE_ID, {
      description:
        'ros4hri voice id: speech is also published on /humans/voices/<voice_id>/speech.',
      readOnly: true,
    });
    const ros4hri = node.declareParameter(SttParameters.ros4hri, true, {
      description: 'Also publish hri_msgs/LiveSpeech-shaped speech on the ros4hri topic.',
      readOnly: true,
    });
    const factory = engines[engineName];
    if (factory === undefined) throw new UnknownSttEngineError(engineName, choices);

    this.publisher = node.createPublisher(TranscriptType, Topics.transcript, Qos.events);
    this.liveSpeech = ros4hri ? new LiveSpeechPublisher(node, voiceId) : undefined;
    this.liveSpeechTopic = this.liveSpeech?.topic;
    this.parameterListener = node.onParametersChanged((changes) => {
      for (const change of changes) {
        if (change.name === SttParameters.language) this.language = String(change.value);
        if (change.name === SttParameters.robotName || change.name === SttParameters.personNames)
          this.phrases = this.readPhrases();
      }
    });
    this.engine = factory({
      node,
      language: () => this.language,
      phrases: () => this.phrases,
    });
    this.subscription = this.engine.onTranscript((speech) => this.publish(speech));
    // Started at once (an engine may subscribe in start); a throw or rejection is logged.
    let started: void | Promise<void>;
    try {
      started = this.engine.start();
    } catch (error) {
      started = Promise.reject(error);
    }
    Promise.resolve(started).catch((error: unknown) =>
      node.logger.error(
        `the stt engine failed to start: ${error instanceof Error ? error.message : String(error)}`,
        { engine: engineName, error: error instanceof Error ? error.name : 'Error' },
      ),
    );
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.subscription.dispose();
    this.parameterListener.dispose();
    void Promise.resolve(this.engine.stop())
      .catch(() => undefined)
      .finally(() => this.engine.dispose());
    this.node.destroy();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  private publish(speech: RecognizedSpeech): void {
    const stamp = this.node.clock.now();
    this.publisher.publish(
      TranscriptType.create({
        stamp,
        text: speech.text,
        is_final: speech.isFinal,
        confidence: speech.confidence,
        language: speech.language,
        source: this.engine.source,
      }),
    );
    this.liveSpeech?.publish(speech, stamp);
  }

  /** The robot's name and the people's names, once each, for the recognizer's phrase list. */
  private readPhrases(): readonly string[] {
    const robot = String(this.node.getParameter(SttParameters.robotName));
    const people = this.node.getParameter(SttParameters.personNames);
    const names = [robot, ...(Array.isArray(people) ? people.map(String) : [])];
    return [...new Set(names.map((name) => name.trim()).filter((name) => name !== ''))];
  }
}
