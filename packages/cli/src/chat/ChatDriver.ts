import {
  DialogueStateType,
  Services,
  Topics,
  TranscriptType,
  TurnRecordType,
  WakeService,
  type DialogueState,
  type Transcript,
  type TurnRecord,
  type WakeRequest,
  type WakeResponse,
} from '@hearth/interfaces';
import { Qos, type GraphNode, type Publisher, type ServiceClient } from '@hearth/graph';
import { CliError } from '../errors.js';

/** One finished turn as `hearth chat` reports it. */
export interface ChatTurn {
  readonly record: TurnRecord;
  /** The dialogue state once the turn was over (followUp, normally; crisis after a crisis turn). */
  readonly state: string;
}

/** A reply to the person, as opposed to speech the robot began itself (greeting, check-in...). */
function isReply(record: TurnRecord): boolean {
  return record.kind === '' || record.kind === 'reply';
}

/** States in which the robot is busy with a turn. */
const busyStates = new Set(['listening', 'thinking', 'speaking']);

/** States in which the robot hears the person's next words. */
const hearingStates = new Set(['listening', 'followUp']);

/**
 * Plays the person in `hearth chat`: each utterance wakes the robot when it is asleep (as the
 * wake word would), arrives as a typed transcript (as speech-to-text would), and resolves with
 * the turn record the dialogue node publishes once the reply has been spoken.
 */
export class ChatDriver {
  private state: DialogueState | undefined;
  private readonly stateWaiters = new Set<() => void>();
  private readonly turnWaiters = new Set<(turn: TurnRecord) => void>();
  private readonly robotTurnListeners = new Set<(turn: ChatTurn) => void>();
  private readonly typed: Publisher<Transcript>;
  private readonly wake: ServiceClient<WakeRequest, WakeResponse>;

  constructor(
    private readonly node: GraphNode,
    private readonly turnTimeoutMs: number,
  ) {
    this.typed = node.createPublisher(TranscriptType, Topics.typedText, Qos.events);
    this.wake = node.createClient(WakeService, Services.wake);
    node.createSubscription(
      DialogueStateType,
      Topics.dialogueState,
      (state) => {
        this.state = state;
        for (const waiter of [...this.stateWaiters]) waiter();
      },
      Qos.state,
    );
    node.createSubscription(
      TurnRecordType,
      Topics.dialogueTurn,
      (turn) => {
        if (isReply(turn)) {
          for (const waiter of [...this.turnWaiters]) waiter(turn);
          return;
        }
        // Robot-initiated speech ends where its own path does (listening after the greeting).
        const state = turn.states.at(-1) ?? this.currentState;
        for (const listener of [...this.robotTurnListeners]) listener({ record: turn, state });
      },
      Qos.events,
    );
  }

  /**
   * Calls `listener` with each turn of speech the robot began itself (the AI notice and greeting
   * at session start, a check-in, the re-prompt, a caregiver's words) once it has been said.
   */
  onRobotTurn(listener: (turn: ChatTurn) => void): void {
    this.robotTurnListeners.add(listener);
  }

  /** The dialogue state now ('unknown' before the first state arrives). */
  get currentState(): string {
    return this.state?.state ?? 'unknown';
  }

  /**
   * Gets the robot ready to hear the person: wakes it when it is asleep (as the wake word would)
   * and lets the session's opening words (the AI notice, a greeting) or any other robot-initiated
   * speech finish, as a person would. Refuses while the robot is in crisis.
   */
  async ready(what = 'the next line'): Promise<void> {
    // In crisis the robot stays with the person and takes no new turn until a caregiver acks.
    if (this.state?.state === 'crisis') {
      throw new CliError(
        `The robot is in crisis and did not take ${what}: it stays with the person until a ` +
          'caregiver acknowledges the safety alert (ack-alert, on the care dashboard).',
      );
    }
    if (this.state === undefined || this.state.state === 'asleep') {
      const response = await this.wake.call(
        WakeService.request.create({ source: 'chat' }),
        this.turnTimeoutMs,
      );
      if (!response.accepted) {
        throw new CliError(
          `The robot did not wake (it is ${response.state}); is a caregiver pause on?`,
        );
      }
      await this.waitForState((state) => state !== 'asleep', 'wake up');
    }
    await this.waitForState((state) => hearingStates.has(state), 'listen');
  }

  /**
   * Says one utterance and waits for the robot's whole reply (or what it said of it before an
   * interruption), getting it ready first (`ready`).
   */
  async say(text: string): Promise<ChatTurn> {
    await this.ready(`"${text.slice(0, 40)}"`);
    const turn = this.nextTurn(text);
    this.typed.publish(
      TranscriptType.create({
        stamp: this.node.clock.now(),
        text,
        is_final: true,
        confidence: 1,
        language: 'en-US',
        source: 'typed',
      }),
    );
    const record = await turn;
    await this.waitForState(
      (state) => !busyStates.has(state) || state === 'listening',
      'finish the turn',
    );
    return { record, state: this.state?.state ?? 'unknown' };
  }

  /**
   * Barges in now, through the same path as the wake phrase (the wake service, which marks it a
   * barge-in while the robot speaks). Returns the state the wake_word node saw.
   */
  async interrupt(): Promise<string> {
    const response = await this.wake.call(
      WakeService.request.create({ source: 'chat-interrupt' }),
      this.turnTimeoutMs,
    );
    return response.state;
  }

  private nextTurn(text: string): Promise<TurnRecord> {
    return this.withTimeout(
      new Promise<TurnRecord>((resolve) => {
        const waiter = (turn: TurnRecord): void => {
          if (turn.user_text !== text) return;
          this.turnWaiters.delete(waiter);
          resolve(turn);
        };
        this.turnWaiters.add(waiter);
      }),
      `reply to "${text.slice(0, 40)}"`,
    );
  }

  private waitForState(accept: (state: string) => boolean, what: string): Promise<void> {
    if (this.state !== undefined && accept(this.state.state)) return Promise.resolve();
    return this.withTimeout(
      new Promise<void>((resolve) => {
        const waiter = (): void => {
          if (this.state === undefined || !accept(this.state.state)) return;
          this.stateWaiters.delete(waiter);
          resolve();
        };
        this.stateWaiters.add(waiter);
      }),
      what,
    );
  }

  private withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new CliError(
              `The robot did not ${what} within ${this.turnTimeoutMs} ms (state: ${this.state?.state ?? 'unknown'}). ` +
                'See the log on stderr; raise --turn-timeout for a slow model.',
            ),
          ),
        this.turnTimeoutMs,
      );
      // The graph (its broker's socket) keeps the process alive while a turn is awaited; once
      // the command has stopped on an error, a turn left waiting must not hold the exit.
      timer.unref();
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}
