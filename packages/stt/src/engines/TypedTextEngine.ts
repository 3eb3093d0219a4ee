import { Qos, type Disposable } from '@hearth/graph';
import { Topics, TranscriptType } from '@hearth/interfaces';
import type {
  SpeechToTextEngine,
  SttEngineContext,
  TranscriptListener,
} from './SpeechToTextEngine.js';
import { TranscriptListeners } from './TranscriptListeners.js';

/**
 * The simulator's "recognizer": text typed in the web console or on `hearth chat`'s stdin arrives
 * on the typed-text topic and is reported as a final transcript with full confidence.
 */
export class TypedTextEngine implements SpeechToTextEngine {
  readonly source = 'typed';
  private readonly listeners: TranscriptListeners;
  private running = false;

  constructor(private readonly context: SttEngineContext) {
    this.listeners = new TranscriptListeners(context.node.logger);
    context.node.createSubscription(
      TranscriptType,
      Topics.typedText,
      (typed) => {
        const text = typed.text.trim();
        if (!this.running || text === '') return;
        this.listeners.emit({
          text,
          isFinal: true,
          confidence: 1,
          language: typed.language !== '' ? typed.language : this.context.language(),
        });
      },
      Qos.events,
    );
  }

  start(): void {
    this.running = true;
  }

  stop(): void {
    this.running = false;
  }

  onTranscript(listener: TranscriptListener): Disposable {
    return this.listeners.add(listener);
  }

  dispose(): void {
    this.running = false;
    this.listeners.clear();
  }
}
