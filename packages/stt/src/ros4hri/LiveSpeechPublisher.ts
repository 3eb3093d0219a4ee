import { Qos, type GraphNode, type Publisher } from '@hearth/graph';
import {
  humanVoiceSpeechTopic,
  LiveSpeechType,
  type LiveSpeech,
  type Time,
} from '@hearth/interfaces';
import type { RecognizedSpeech } from '../engines/SpeechToTextEngine.js';
import { hriLocale } from './hriLocale.js';

/**
 * Publishes the person's speech the ros4hri way, beside Hearth's own transcript topic: on
 * `/humans/voices/<voice_id>/speech`, partials as `incremental` and finals as `final`, so HRI
 * tools that follow ros4hri read what the robot heard.
 */
export class LiveSpeechPublisher {
  readonly topic: string;
  private readonly publisher: Publisher<LiveSpeech>;

  /** Throws InvalidVoiceIdError when `voiceId` cannot be part of a topic name. */
  constructor(node: GraphNode, voiceId: string) {
    this.topic = humanVoiceSpeechTopic(voiceId);
    this.publisher = node.createPublisher(LiveSpeechType, this.topic, Qos.events);
  }

  publish(speech: RecognizedSpeech, stamp: Time): void {
    this.publisher.publish(
      LiveSpeechType.create({
        header: { stamp, frame_id: '' },
        incremental: speech.isFinal ? '' : speech.text,
        final: speech.isFinal ? speech.text : '',
        confidence: speech.confidence,
        locale: hriLocale(speech.language),
      }),
    );
  }
}
