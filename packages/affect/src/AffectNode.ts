import type { GraphNode, Publisher } from '@hearth/graph';
import { Qos } from '@hearth/graph';
import {
  AffectType,
  DialogueStateType,
  Topics,
  TranscriptType,
  type Affect,
} from '@hearth/interfaces';
import { estimateAffect } from './estimateAffect.js';
import { bearsAffect } from './turnAffect.js';

/**
 * The affect node: for each final transcript (one per turn of the person), an estimate of their
 * emotion from their words, published as `Affect` for the gesture node and telemetry. Affect is
 * per turn, not per utterance: a backchannel or short neutral line ("yeah", "okay, goodbye")
 * publishes nothing, so listeners keep the last real estimate (see `bearsAffect`). The
 * session id comes from the dialogue state, so the estimate belongs to its session. The text is
 * never logged or republished: only the emotion, its intensity and the valence leave the node.
 */
export class AffectNode {
  private readonly publisher: Publisher<Affect>;
  private sessionId = '';
  private disposed = false;

  constructor(private readonly node: GraphNode) {
    node.declareParameter('enabled', true, {
      description: 'Publish an affect estimate for each final transcript.',
      kind: 'bool',
    });
    node.declareParameter('neutral_below', 0.3, {
      description:
        "Least lexicon score that names an emotion; below it the turn's affect is neutral.",
      kind: 'double',
      range: { min: 0, max: 5 },
    });
    this.publisher = node.createPublisher(AffectType, Topics.affect, Qos.events);
    node.createSubscription(
      DialogueStateType,
      Topics.dialogueState,
      (state) => {
        this.sessionId = state.session_id;
      },
      Qos.state,
    );
    node.createSubscription(
      TranscriptType,
      Topics.transcript,
      (transcript) => {
        if (transcript.is_final) this.estimate(transcript.text);
      },
      Qos.events,
    );
  }

  /** Stops estimating; the subscriptions themselves end with the GraphNode. */
  dispose(): void {
    this.disposed = true;
  }

  private estimate(text: string): void {
    if (this.disposed || this.node.getParameter('enabled') !== true || text.trim() === '') return;
    const estimate = estimateAffect(text, {
      neutralBelow: Number(this.node.getParameter('neutral_below')),
    });
    if (!bearsAffect(estimate)) return;
    this.publisher.publish(
      AffectType.create({
        stamp: this.node.clock.now(),
        session_id: this.sessionId,
        emotion: estimate.emotion,
        intensity: estimate.intensity,
        valence: estimate.valence,
      }),
    );
    this.node.logger.debug('affect', {
      emotion: estimate.emotion,
      intensity: estimate.intensity,
      valence: estimate.valence,
    });
  }
}
