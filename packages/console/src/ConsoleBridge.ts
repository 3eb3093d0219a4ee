/**
 * The console's side of the graph: subscribes to what the page shows, keeps a snapshot for
 * newly connected browsers, and turns the person's typing, the wake button, gesture previews and
 * parameter changes into graph traffic. Knows nothing of websockets (ClientHub does), so it can
 * be driven directly.
 */
import type { GraphNode, Publisher, ServiceClient } from '@hearth/graph';
import { Qos } from '@hearth/graph';
import { dialogueMachine } from '@hearth/dialogue';
import { DEFAULT_GESTURES_FILE } from '@hearth/gesture';
import {
  DialogueStateType,
  GestureCommandType,
  GestureReason,
  Services,
  SpeechEventType,
  Topics,
  TranscriptType,
  TurnRecordType,
  WakeService,
  type Transcript,
  type WakeRequest,
  type WakeResponse,
} from '@hearth/interfaces';
import {
  ConsoleParameters,
  consoleParameterDefaults,
  declareConsoleParameters,
  numberParameter,
  stringParameter,
} from './parameters.js';
import { BodyChannel } from './body/BodyChannel.js';
import { machineGraph, type MachineGraph, type MachineNodeLike } from './machine/machineGraph.js';
import type {
  ClientMessage,
  ConsoleSnapshot,
  ServerMessage,
  StateView,
  TransitionView,
  TurnView,
} from './protocol.js';
import { VadFallbackWatch } from './audio/VadFallbackWatch.js';
import { ParameterMirror } from './tuning/ParameterMirror.js';
import type { ParameterPort } from './tuning/ParameterPort.js';
import { TuningChannel } from './tuning/TuningChannel.js';
import { gestureView, speechView, stateView, transitionView, turnView } from './views.js';

export interface ConsoleBridgeOptions {
  /** Folder holding the tts node's WAV files; only these are given URLs. */
  readonly audioDir: string;
  /** Lines shown in the page's banner. */
  readonly notices?: readonly string[];
  /**
   * A parameter client on the gesture node (`node.createParameterClient('gesture')`), for the
   * tuning panel and the figure's robot profile (`gestures_file`). Without it the panel says it
   * cannot reach the node and the figure shows `gesturesFile`.
   */
  readonly gestures?: ParameterPort;
  /**
   * A parameter client on audio_in (`node.createParameterClient('audio_in')`): with it the page
   * shows a notice when audio_in's voice activity runs on another detector than its `vad`
   * parameter asks for (Silero did not load; the energy detector took over).
   */
  readonly audio?: ParameterPort;
  /** The robot profile the figure shows when `gestures` is not given. Default: the generic humanoid. */
  readonly gesturesFile?: string;
  /** The state machine the live view draws (`machine.root`). Default: the dialogue node's. */
  readonly machine?: MachineNodeLike;
}

export type ConsoleListener = (message: ServerMessage) => void;

/** States in which typed text would be ignored until the robot is woken. */
const ASLEEP_STATES: ReadonlySet<string> = new Set(['asleep']);

export class ConsoleBridge {
  private readonly listeners = new Set<ConsoleListener>();
  private readonly typedText: Publisher<Transcript>;
  private readonly wakeClient: ServiceClient<WakeRequest, WakeResponse>;
  private readonly notices: readonly string[];
  private readonly vadWatch: VadFallbackWatch | null;
  private readonly turns: TurnView[] = [];
  private readonly transitions: TransitionView[] = [];
  private readonly machine: MachineGraph;
  private readonly body: BodyChannel;
  private readonly tuning: TuningChannel | null;
  private readonly gestureParameters: ParameterMirror | null;
  private state: StateView | null = null;
  /** Commands run one at a time, in arrival order, so two quick messages cannot both wake. */
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(
    private readonly node: GraphNode,
    private readonly options: ConsoleBridgeOptions,
  ) {
    this.notices = [...(options.notices ?? [])];
    declareConsoleParameters(node);
    this.machine = machineGraph(options.machine ?? dialogueMachine.root);
    const emit = (message: ServerMessage): void => this.emit(message);
    this.gestureParameters = options.gestures
      ? new ParameterMirror(options.gestures, node.logger)
      : null;
    this.body = new BodyChannel(node, {
      gesturesFile: options.gesturesFile ?? DEFAULT_GESTURES_FILE,
      emit,
      ...(this.gestureParameters ? { gestures: this.gestureParameters } : {}),
    });
    this.tuning = this.gestureParameters ? new TuningChannel(this.gestureParameters, emit) : null;
    this.vadWatch = options.audio
      ? new VadFallbackWatch(node, {
          audio: options.audio,
          onNotice: () => this.emit({ type: 'notices', notices: this.currentNotices() }),
        })
      : null;
    this.typedText = node.createPublisher(TranscriptType, Topics.typedText, Qos.events);
    this.wakeClient = node.createClient(WakeService, Services.wake);

    node.createSubscription(
      DialogueStateType,
      Topics.dialogueState,
      (message) => {
        this.state = stateView(message);
        const transition = transitionView(message);
        this.rememberTransition(transition);
        this.emit({ type: 'state', state: this.state });
        this.emit({ type: 'transition', transition });
      },
      Qos.state,
    );
    node.createSubscription(
      TurnRecordType,
      Topics.dialogueTurn,
      (message) => {
        const turn = turnView(message, this.options.audioDir);
        this.remember(turn);
        this.emit({ type: 'turn', turn });
      },
      Qos.events,
    );
    node.createSubscription(
      SpeechEventType,
      Topics.ttsEvents,
      (message) => {
        const speech = speechView(message, this.options.audioDir);
        if (speech) this.emit({ type: 'speech', speech });
      },
      Qos.events,
    );
    node.createSubscription(
      GestureCommandType,
      Topics.gestureCommand,
      // A `stop` command only ends a looping gesture; the page shows what the robot does.
      (message) => {
        if (message.reason !== GestureReason.stop)
          this.emit({ type: 'gesture', gesture: gestureView(message) });
      },
      Qos.events,
    );
  }

  get maxTextLength(): number {
    return numberParameter(
      this.node,
      ConsoleParameters.maxTextLength,
      consoleParameterDefaults.max_text_length,
    );
  }

  /** Settles once the figure's robot profile has been loaded (or failed to load). */
  get ready(): Promise<void> {
    return this.body.ready;
  }

  snapshot(): ConsoleSnapshot {
    return {
      state: this.state,
      notices: this.currentNotices(),
      turns: [...this.turns],
      maxTextLength: this.maxTextLength,
      machine: this.machine,
      transitions: [...this.transitions],
      body: this.body.body,
      motions: this.body.motions,
      tuning: this.tuning?.view ?? null,
    };
  }

  /** Listens to everything every browser should see. Returns the unsubscribe function. */
  onMessage(listener: ConsoleListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs one browser command. Resolves with the reply meant for that browser only (the wake
   * result, or an error), or null; what everyone should see goes to the listeners.
   */
  handle(message: ClientMessage): Promise<ServerMessage | null> {
    // Tuning and previews need not wait behind a slow wake call.
    if (message.type === 'playGesture' || message.type === 'setParameter') return this.run(message);
    const run = (): Promise<ServerMessage | null> => this.run(message);
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  dispose(): void {
    // The node belongs to whoever created it; the bridge only stops forwarding.
    this.disposed = true;
    this.listeners.clear();
    this.body.dispose();
    this.tuning?.dispose();
    this.gestureParameters?.dispose();
    this.vadWatch?.dispose();
  }

  /** The banner: the notices given at start, then what the graph has told since. */
  private currentNotices(): readonly string[] {
    const vad = this.vadWatch?.notice;
    return vad ? [...this.notices, vad] : this.notices;
  }

  private async run(message: ClientMessage): Promise<ServerMessage | null> {
    switch (message.type) {
      case 'say':
        return this.say(message.text);
      case 'wake':
        return this.wake();
      case 'playGesture':
        return this.disposed ? null : this.body.play(message.name);
      case 'setParameter':
        if (this.tuning === null) {
          return {
            type: 'error',
            code: 'tuning_unavailable',
            message:
              'This console was started without access to the gesture node; run it with `hearth start` to tune gestures.',
          };
        }
        return this.tuning.set(message.name, message.value);
    }
  }

  private async say(text: string): Promise<ServerMessage | null> {
    if (this.disposed) return null;
    let reply: ServerMessage | null = null;
    // Unknown state (no dialogue state seen yet) counts as asleep: typing must always start
    // a conversation, and an extra wake of an awake robot is harmless.
    if (this.state === null || ASLEEP_STATES.has(this.state.state)) {
      const woken = await this.wake();
      if (woken.type === 'error') reply = woken;
    }
    this.emit({ type: 'user', text });
    this.typedText.publish(
      TranscriptType.create({
        stamp: this.node.clock.now(),
        text,
        is_final: true,
        confidence: 1,
        language: stringParameter(
          this.node,
          ConsoleParameters.language,
          consoleParameterDefaults.language,
        ),
        source: 'typed',
      }),
    );
    return reply;
  }

  private async wake(): Promise<ServerMessage> {
    const timeoutMs = numberParameter(
      this.node,
      ConsoleParameters.wakeTimeoutMs,
      consoleParameterDefaults.wake_timeout_ms,
    );
    try {
      const response = await this.wakeClient.call(
        WakeService.request.create({ source: 'console' }),
        timeoutMs,
      );
      return { type: 'wake', accepted: response.accepted, state: response.state };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.node.logger.warn('wake service call failed', { service: Services.wake, reason });
      return {
        type: 'error',
        code: 'wake_failed',
        message: `Could not wake the robot (${Services.wake}: ${reason}). Is the wake_word node running?`,
      };
    }
  }

  private rememberTransition(transition: TransitionView): void {
    const limit = numberParameter(
      this.node,
      ConsoleParameters.transitionHistory,
      consoleParameterDefaults.transition_history,
    );
    this.transitions.push(transition);
    if (this.transitions.length > limit)
      this.transitions.splice(0, this.transitions.length - limit);
  }

  private remember(turn: TurnView): void {
    const limit = numberParameter(
      this.node,
      ConsoleParameters.historySize,
      consoleParameterDefaults.history_size,
    );
    this.turns.push(turn);
    if (this.turns.length > limit) this.turns.splice(0, this.turns.length - limit);
  }

  private emit(message: ServerMessage): void {
    if (this.disposed) return;
    for (const listener of this.listeners) {
      // A failing listener (one broken socket) must not stop the others.
      try {
        listener(message);
      } catch (error) {
        this.node.logger.error('console listener failed', { reason: String(error) });
      }
    }
  }
}
