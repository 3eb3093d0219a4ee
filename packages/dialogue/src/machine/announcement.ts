import type { TurnKind } from '@hearth/interfaces';
import { NO_LLM_STATS } from './turn.js';
import {
  NO_RISK,
  type Announcement,
  type AnnouncementNext,
  type DialogueStateName,
  type TurnOutcome,
  type TurnSummary,
} from './types.js';

/** Robot-initiated speech that makes a turn record of its own (a crisis message belongs to its crisis turn). */
export type RecordedAnnouncement = Announcement & {
  readonly kind: Exclude<Announcement['kind'], 'crisis'>;
};

const KINDS: Record<RecordedAnnouncement['kind'], TurnKind> = {
  greeting: 'greeting',
  rePrompt: 'reprompt',
  checkIn: 'check_in',
  caregiver: 'caregiver_say',
};

/** The announcement being said now, when it is one that gets its own turn record. */
export function recordedAnnouncement(
  announcement: Announcement | null,
): RecordedAnnouncement | null {
  return announcement !== null && isRecorded(announcement) ? announcement : null;
}

function isRecorded(announcement: Announcement): announcement is RecordedAnnouncement {
  return announcement.kind !== 'crisis';
}

/** A new announcement, begun now from `from`. */
export function newAnnouncement(
  kind: Announcement['kind'],
  text: string,
  next: AnnouncementNext,
  from: DialogueStateName,
  startedAt: number,
): Announcement {
  return { kind, text, next, from, startedAt, firstAudioAt: null, bargeInAt: null, gestures: [] };
}

function since(start: number, at: number | null): number {
  return at === null ? -1 : Math.max(0, at - start);
}

/**
 * The turn record of robot-initiated speech: no words of the person, no llm; its path is the
 * state it began in, `speaking`, and the state it ended in; its times count from its start.
 */
export function summarizeAnnouncement(
  announcement: RecordedAnnouncement,
  ids: { sessionId: string; turnIndex: number; utteranceId: string },
  end: { outcome: Exclude<TurnOutcome, 'crisis'>; next: DialogueStateName; at: number },
  audioPath: string,
): TurnSummary {
  const interrupted = end.outcome === 'interrupted';
  return {
    sessionId: ids.sessionId,
    turnIndex: ids.turnIndex,
    kind: KINDS[announcement.kind],
    speechId: ids.utteranceId,
    userText: '',
    // Begun counts as said when cut short, as for a reply; a failed one was not heard.
    replyText: end.outcome === 'failed' ? '' : announcement.text,
    strategy: '',
    states: [announcement.from, 'speaking', end.next],
    gestures: announcement.gestures,
    audioPath,
    outcome: end.outcome,
    interrupted,
    fallback: false,
    failure: end.outcome === 'failed' ? 'the robot-initiated speech was not said' : '',
    timings: {
      wakeAt: null,
      speechEndAt: null,
      transcriptAt: null,
      firstTokenAt: null,
      llmDoneAt: null,
      firstAudioAt: announcement.firstAudioAt,
      endAt: end.at,
      bargeInAt: interrupted ? announcement.bargeInAt : null,
    },
    durations: {
      llmFirstTokenMs: -1,
      llmTotalMs: -1,
      ttsFirstAudioMs: since(announcement.startedAt, announcement.firstAudioAt),
      turnTotalMs: since(announcement.startedAt, end.at),
      wakeToSpeechEndMs: -1,
      transcriptDelayMs: -1,
    },
    llm: NO_LLM_STATS,
    risk: NO_RISK,
    replyGuarded: false,
    guardRules: [],
  };
}
