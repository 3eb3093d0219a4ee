import type { Disposable, GraphNode, Publisher } from '@hearth/graph';
import { Qos } from '@hearth/graph';
import {
  DialogueStateType,
  GestureCommandType,
  SpeechEventType,
  Topics,
  type DialogueState,
  type GestureCommand,
  type SpeechEvent,
} from '@hearth/interfaces';
import { chooseGesture, type GestureChoice, type GestureInput } from '../choose/chooseGesture.js';
import type { GestureProfile } from '../profile/GestureProfile.js';
import { loadGestureProfileSync } from '../profile/loadGestureProfile.js';

/**
 * The gesture node: one gesture per spoken sentence (on each tts `start` event), and a gesture
 * when the dialogue enters a state the profile maps (leaning in while listening, a thinking pose
 * while thinking, idle breathing while asleep). It publishes GestureCommands by name; the robot's
 * driver (or the console's figure) turns the name into the profile's joint trajectory.
 *
 * The reply's support strategy is not on the graph yet (issue 6): `chooseGesture` already takes
 * one, so a later strategy topic only needs to fill `strategy` here.
 */
export class GestureNode {
  private profile: GestureProfile;
  private readonly commands: Publisher<GestureCommand>;
  private readonly hooks: Disposable[] = [];
  private state: string | undefined;
  private strategy: string | undefined;
  /** A profile loaded by the parameter validator, applied once the change is accepted. */
  private pendingProfile: GestureProfile | undefined;

  constructor(
    private readonly node: GraphNode,
    profile: GestureProfile,
  ) {
    this.profile = profile;
    node.declareParameter('gestures_file', profile.file, {
      description:
        "Path of the robot profile's gestures.yaml; changing it loads and validates the new file.",
      kind: 'string',
    });
    node.declareParameter('enabled', true, {
      description: 'Publish gesture commands at all.',
      kind: 'bool',
    });
    node.declareParameter('intensity', 1.0, {
      description: "Scales every gesture's amplitude, 0 (still) to 1 (as authored).",
      kind: 'double',
      range: { min: 0, max: 1 },
    });
    this.hooks.push(node.addParameterValidator((changes) => this.validateProfileChange(changes)));
    this.hooks.push(
      node.onParametersChanged((changes) => {
        const change = changes.find((candidate) => candidate.name === 'gestures_file');
        if (change && this.pendingProfile?.file === String(change.value))
          this.profile = this.pendingProfile;
        this.pendingProfile = undefined;
      }),
    );
    this.commands = node.createPublisher(GestureCommandType, Topics.gestureCommand, Qos.events);
    node.createSubscription(
      SpeechEventType,
      Topics.ttsEvents,
      (event) => this.onSpeechEvent(event),
      Qos.events,
    );
    node.createSubscription(
      DialogueStateType,
      Topics.dialogueState,
      (state) => this.onDialogueState(state),
      Qos.state,
    );
  }

  /** The profile in use (after any change of `gestures_file`). */
  get currentProfile(): GestureProfile {
    return this.profile;
  }

  dispose(): void {
    for (const hook of this.hooks.splice(0)) hook.dispose();
  }

  private validateProfileChange(changes: readonly { name: string; value: unknown }[]): {
    successful: boolean;
    reason?: string;
  } {
    const change = changes.find((candidate) => candidate.name === 'gestures_file');
    if (!change) return { successful: true };
    try {
      this.pendingProfile = loadGestureProfileSync(String(change.value));
      return { successful: true };
    } catch (error) {
      return { successful: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  private onSpeechEvent(event: SpeechEvent): void {
    if (event.kind !== 'start') return;
    const input: GestureInput = {
      sentence: event.text,
      state: this.state,
      strategy: this.strategy,
    };
    this.perform(chooseGesture(input, this.profile), event.text);
  }

  private onDialogueState(message: DialogueState): void {
    if (message.state === this.state) return;
    this.state = message.state;
    this.perform(chooseGesture({ state: message.state }, this.profile), '');
  }

  private perform(choice: GestureChoice | undefined, sentence: string): void {
    if (!choice || this.node.getParameter('enabled') !== true) return;
    this.commands.publish(
      GestureCommandType.create({
        stamp: this.node.clock.now(),
        name: choice.name,
        reason: choice.reason,
        priority: choice.priority,
        intensity: Number(this.node.getParameter('intensity')),
        sentence,
        start_offset_ms: 0,
      }),
    );
    this.node.logger.debug('gesture', { name: choice.name, rule: choice.rule });
  }
}
