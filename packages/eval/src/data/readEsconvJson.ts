import { DatasetError } from '../errors/DatasetError.js';
import { canonicalStrategy, splitStrategyTag } from './strategyTag.js';
import type { Dialogue, Speaker, Utterance } from './types.js';

const fix =
  'Expected the ESConv JSON layout: an array of conversations, each with dialog[] of {speaker, annotation, content}.';

// ESConv.json writes seeker/supporter; FailedESConv.json writes speaker/listener.
const speakers: Readonly<Record<string, Speaker>> = {
  seeker: 'seeker',
  speaker: 'seeker',
  usr: 'seeker',
  supporter: 'supporter',
  listener: 'supporter',
  sys: 'supporter',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the full ESConv JSON (ESConv.json, FailedESConv.json) into dialogues. */
export function parseEsconvJson(file: string, data: unknown): Dialogue[] {
  if (!Array.isArray(data))
    throw new DatasetError(file, undefined, 'the top level is not an array.', fix);
  return data.map((conversation: unknown, index): Dialogue => {
    const where = `conversation ${index}`;
    if (!isRecord(conversation) || !Array.isArray(conversation.dialog)) {
      throw new DatasetError(file, undefined, `${where} has no dialog[] array.`, fix);
    }
    const utterances = conversation.dialog.map((turn: unknown, turnIndex): Utterance => {
      const at = `${where}, turn ${turnIndex}`;
      if (!isRecord(turn) || typeof turn.content !== 'string' || typeof turn.speaker !== 'string') {
        throw new DatasetError(file, undefined, `${at} lacks a string speaker or content.`, fix);
      }
      const speaker = speakers[turn.speaker];
      if (speaker === undefined) {
        throw new DatasetError(
          file,
          undefined,
          `${at} has the unknown speaker "${turn.speaker}".`,
          fix,
        );
      }
      const annotation = isRecord(turn.annotation) ? turn.annotation : {};
      const labelled = typeof annotation.strategy === 'string' ? annotation.strategy : '';
      const tagged = splitStrategyTag(turn.content);
      const label = labelled || tagged.label;
      return {
        speaker,
        text: tagged.text,
        strategy: speaker === 'supporter' ? canonicalStrategy(label) : '',
      };
    });
    const situation = typeof conversation.situation === 'string' ? conversation.situation : '';
    return { id: String(index), situation, utterances };
  });
}
