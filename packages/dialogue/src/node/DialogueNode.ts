import {
  Actions,
  CaregiverCommandType,
  DialogueStateType,
  GenerateAction,
  GestureCommandType,
  GetDialogueStateService,
  SayAction,
  Services,
  Topics,
  TranscriptType,
  TurnRecordType,
  WakeWordType,
  type CaregiverCommand,
  type DialogueState,
  type GetDialogueStateResponse,
  type TurnRecord,
} from '@hearth/interfaces';
import { Qos, type Disposable, type GraphNode, type Publisher } from '@hearth/graph';
import { createActor, type Actor } from 'xstate';
import { createGenerateActor } from '../actors/generateActor.js';
import { createSayActor } from '../actors/sayActor.js';
import {
  DIALOGUE_SYSTEM_ID,
  dialogueMachine,
  type DialogueMachine,
} from '../machine/dialogueMachine.js';
import type { DialogueEvent } from '../machine/events.js';
import type { DialogueConfig, DialogueStateName } from '../machine/types.js';
import { toDialogueState, toTurnRecord } from './messages.js';
import { declareDialogueParameters, readDialogueConfig } from './parameters.js';

export interface DialogueNodeOptions {
  /** Said when generation or speech fails (the robot profile's words, later). */
  readonly apology?: string;
  /** Makes session ids; a short random id by default. */
  readonly createSessionId?: () => string;
}

/**
 * The dialogue node: runs the dialogue machine on the graph. Wake words, final transcripts,
 * caregiver commands and gestures come in as events; replies are generated and spoken through
 * the llm's and tts's actions; the state (transient local) and one record per turn go out.
 */
export class DialogueNode implements Disposable {
  private readonly actor: Actor<DialogueMachine>;
  private readonly statePublisher: Publisher<DialogueState>;
  private readonly turnPublisher: Publisher<TurnRecord>;
  private readonly parameterListener: Disposable;
  private disposed = false;

  constructor(
    private readonly node: GraphNode,
    options: DialogueNodeOptions = {},
  ) {
    const config: Partial<DialogueConfig> = {
      ...declareDialogueParameters(node),
      ...(options.apology === undefined ? {} : { apology: options.apology }),
    };
    this.statePublisher = node.createPublisher(DialogueStateType, Topics.dialogueState, Qos.state);
    this.turnPublisher = node.createPublisher(TurnRecordType, Topics.dialogueTurn, Qos.events);

    const generate = node.createActionClient(GenerateAction, Actions.generate);
    const say = node.createActionClient(SayAction, Actions.say);
    const machine = dialogueMachine.provide({
      actors: {
        generate: createGenerateActor(generate, node.logger),
        say: createSayActor(say, node.logger),
      },
    });
    this.actor = createActor(machine, {
      systemId: DIALOGUE_SYSTEM_ID,
      input: {
        config,
        now: () => node.clock.nowMs(),
        ...(options.createSessionId === undefined
          ? {}
          : { createSessionId: options.createSessionId }),
      },
    });
    this.actor.on('state.changed', (change) => {
      node.logger.debug('dialogue state', { state: change.state, event: change.event });
      this.statePublisher.publish(toDialogueState(change, node.clock.now()));
    });
    this.actor.on('turn.ended', ({ turn }) => {
      node.logger.info('turn ended', {
        session: turn.sessionId,
        turn: turn.turnIndex,
        outcome: turn.outcome,
      });
      this.turnPublisher.publish(toTurnRecord(turn, node.clock.now()));
    });
    this.actor.subscribe({
      error: (error: unknown) =>
        node.logger.error('the dialogue machine stopped on an error', { error: String(error) }),
    });
    this.actor.start();

    node.createSubscription(WakeWordType, Topics.wakeWord, (wake) =>
      this.send({ type: 'wake.detected', phrase: wake.phrase, bargeIn: wake.barge_in }),
    );
    node.createSubscription(TranscriptType, Topics.transcript, (transcript) => {
      // Partial transcripts are for end-of-turn detection and screening (issues 4 and 7).
      if (transcript.is_final) this.send({ type: 'speech.final', text: transcript.text });
    });
    node.createSubscription(CaregiverCommandType, Topics.caregiverCommand, (command) =>
      this.onCaregiver(command),
    );
    node.createSubscription(GestureCommandType, Topics.gestureCommand, (gesture) =>
      this.send({ type: 'gesture.performed', name: gesture.name }),
    );
    node.createService(GetDialogueStateService, Services.getDialogueState, () => this.describe());
    this.parameterListener = node.onParametersChanged(() =>
      this.send({ type: 'config.changed', config: readDialogueConfig(node) }),
    );
  }

  /** The public state now. */
  get state(): DialogueStateName {
    return this.actor.getSnapshot().context.state;
  }

  /** Feeds an event to the machine directly (e.g. `user.bargeIn` for a `/interrupt` directive). */
  send(event: DialogueEvent): void {
    if (!this.disposed) this.actor.send(event);
  }

  /** Stops the machine (cancelling generation and speech in flight) and destroys the node. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.parameterListener.dispose();
    this.actor.stop();
    this.node.destroy();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  private describe(): GetDialogueStateResponse {
    const { context } = this.actor.getSnapshot();
    return GetDialogueStateService.response.create({
      state: context.state,
      session_id: context.sessionId,
      turn_index: context.turnIndex,
    });
  }

  private onCaregiver(command: CaregiverCommand): void {
    switch (command.verb) {
      case 'pause':
        return this.send({ type: 'caregiver.pause' });
      case 'resume':
        return this.send({ type: 'caregiver.resume' });
      case 'end-session':
        return this.send({
          type: 'session.end',
          reason: `ended by ${command.issued_by || 'a caregiver'}`,
        });
      default:
        // say and ack-alert belong to robot-initiated speech and safety (issues 4 and 7).
        this.node.logger.debug('caregiver command not handled by the dialogue yet', {
          verb: command.verb,
        });
    }
  }
}
