/**
 * The rest of the graph, as far as the console can see it: a wake service, and a "robot" that
 * answers typed text with dialogue states, a spoken sentence (with a real WAV), a gesture and a
 * turn record with stage times. Small enough to read; the console's tests run on it.
 */
import { Qos, type GraphNode, type Publisher } from '@hearth/graph';
import {
  DialogueStateType,
  GestureCommandType,
  Services,
  SpeechEventType,
  Topics,
  TranscriptType,
  TurnRecordType,
  WakeService,
  type DialogueState,
  type Transcript,
  type WakeRequest,
} from '@hearth/interfaces';

export const REPLY = 'I am here with you.';

/** The stage times every reply's turn record carries. */
export const STAGES = {
  wake_to_speech_end_ms: 900,
  llm_first_token_ms: 120,
  llm_total_ms: 480,
  tts_first_audio_ms: 260,
  turn_total_ms: 1500,
  barge_in_to_silence_ms: -1,
} as const;

/** Polls until `predicate` holds; jest's test timeout bounds the wait. */
export async function waitUntil(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setTimeout(resolve, 20));
}

export class RobotDouble {
  readonly wakeCalls: WakeRequest[] = [];
  readonly transcripts: Transcript[] = [];
  private readonly state: Publisher<DialogueState>;

  constructor(
    private readonly node: GraphNode,
    private readonly wavPath: string,
    options: { readonly gesture?: boolean } = {},
  ) {
    this.state = node.createPublisher(DialogueStateType, Topics.dialogueState, Qos.state);
    const speech = node.createPublisher(SpeechEventType, Topics.ttsEvents, Qos.events);
    const gesture = node.createPublisher(GestureCommandType, Topics.gestureCommand, Qos.events);
    const turn = node.createPublisher(TurnRecordType, Topics.dialogueTurn, Qos.events);
    this.setState('asleep', '', 'init');

    node.createService(WakeService, Services.wake, (request) => {
      this.wakeCalls.push(request);
      this.setState('listening', 'asleep', 'wake.detected');
      return WakeService.response.create({ accepted: true, state: 'listening' });
    });
    node.createSubscription(
      TranscriptType,
      Topics.typedText,
      (transcript) => {
        this.transcripts.push(transcript);
        this.setState('thinking', 'listening', 'speech.final');
        this.setState('speaking', 'thinking', 'llm.sentence');
        const stamp = node.clock.now();
        speech.publish(
          SpeechEventType.create({
            stamp,
            utterance_id: 'u1',
            kind: 'start',
            text: REPLY,
            audio_path: this.wavPath,
          }),
        );
        // Stands in for the gesture node where a test runs none.
        if (options.gesture !== false) {
          gesture.publish(
            GestureCommandType.create({
              stamp,
              name: 'open_arms',
              reason: 'sentence',
              intensity: 0.6,
              sentence: REPLY,
            }),
          );
        }
        speech.publish(
          SpeechEventType.create({
            stamp,
            utterance_id: 'u1',
            kind: 'end',
            text: REPLY,
            audio_path: this.wavPath,
          }),
        );
        turn.publish(
          TurnRecordType.create({
            stamp,
            session_id: 's1',
            turn_index: 1,
            kind: 'reply',
            user_text: transcript.text,
            reply_text: REPLY,
            states: ['listening', 'thinking', 'speaking'],
            gestures: ['open_arms'],
            audio_path: this.wavPath,
            ...STAGES,
          }),
        );
        this.setState('followUp', 'speaking', 'tts.finished');
      },
      Qos.events,
    );
  }

  private setState(state: string, previous: string, event: string): void {
    this.state.publish(
      DialogueStateType.create({
        stamp: this.node.clock.now(),
        state,
        previous_state: previous,
        event,
        session_id: 's1',
      }),
    );
  }
}
