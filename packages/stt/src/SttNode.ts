import { Qos, type Disposable, type GraphNode, type Publisher } from '@hearth/graph';
import { Topics, TranscriptType, type Transcript } from '@hearth/interfaces';
import type { SpeechToTextEngine, SttEngineFactory } from './engines/SpeechToTextEngine.js';
import { TypedTextEngine } from './engines/TypedTextEngine.js';
import { UnknownSttEngineError } from './errors.js';

/** The engines this build knows, by the `engine` parameter's value. */
export const defaultSttEngines: Readonly<Record<string, SttEngineFactory>> = {
  typed: (context) => new TypedTextEngine(context),
};

export const SttParameters = { engine: 'engine', language: 'language' } as const;

export interface SttNodeOptions {
  /** Replaces the engine table (tests, or a build with extra engines). */
  readonly engines?: Readonly<Record<string, SttEngineFactory>>;
}

/** The stt node: runs one speech-to-text engine and publishes its transcripts. */
export class SttNode implements Disposable {
  readonly engine: SpeechToTextEngine;
  private readonly publisher: Publisher<Transcript>;
  private readonly subscription: Disposable;
  private readonly parameterListener: Disposable;
  private language: string;
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
        'Which speech-to-text engine runs: typed (the simulator), azure and local later.',
      choices,
      readOnly: true,
    });
    this.language = node.declareParameter(SttParameters.language, 'en-US', {
      description: 'BCP-47 language of the person’s speech, e.g. en-US.',
    });
    const factory = engines[engineName];
    if (factory === undefined) throw new UnknownSttEngineError(engineName, choices);

    this.publisher = node.createPublisher(TranscriptType, Topics.transcript, Qos.events);
    this.parameterListener = node.onParametersChanged((changes) => {
      for (const change of changes) {
        if (change.name === SttParameters.language) this.language = String(change.value);
      }
    });
    this.engine = factory({ node, language: () => this.language });
    this.subscription = this.engine.onTranscript((speech) =>
      this.publisher.publish(
        TranscriptType.create({
          stamp: node.clock.now(),
          text: speech.text,
          is_final: speech.isFinal,
          confidence: speech.confidence,
          language: speech.language,
          source: this.engine.source,
        }),
      ),
    );
    void Promise.resolve(this.engine.start()).catch((error: unknown) =>
      node.logger.error('the stt engine failed to start', {
        engine: engineName,
        error: String(error),
      }),
    );
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.subscription.dispose();
    this.parameterListener.dispose();
    void Promise.resolve(this.engine.stop()).finally(() => this.engine.dispose());
    this.node.destroy();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }
}
