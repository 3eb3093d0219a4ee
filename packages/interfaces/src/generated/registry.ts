// generated, do not edit: written by packages/interfaces/scripts/generate.mjs from the
// .msg, .action and .srv files of hearth_interfaces. Change those and run `pnpm gen:interfaces`.

import type { MessageDescriptor } from '../runtime.js';
import {
  GenerateAction,
  GenerateFeedbackType,
  GenerateGoalType,
  GenerateResultType,
  SayAction,
  SayFeedbackType,
  SayGoalType,
  SayResultType,
} from './actions.js';
import { DurationType, TimeType } from './builtin_interfaces.js';
import {
  AffectType,
  AudioDataStampedType,
  AudioDataType,
  AudioFrameType,
  CaregiverCommandType,
  DialogueStateType,
  FaceCommandType,
  GestureCommandType,
  IdsListType,
  JointTrajectoryPointType,
  JointTrajectoryType,
  LiveSpeechType,
  MicGateType,
  SafetyAlertType,
  SessionSummaryType,
  SpeechEventType,
  TranscriptType,
  TurnRecordType,
  VoiceActivityType,
  WakeWordType,
} from './messages.js';
import {
  GetDialogueStateRequestType,
  GetDialogueStateResponseType,
  GetDialogueStateService,
  WakeRequestType,
  WakeResponseType,
  WakeService,
} from './services.js';
import { HeaderType } from './std_msgs.js';

/**
 * Every message descriptor by ROS 2 type name (`pkg/msg/Type`, `pkg/srv/Type_Request`,
 * `pkg/action/Type_Goal`, ...), for transports that meet type names on the wire.
 */
export const MessageTypes = Object.freeze({
  'builtin_interfaces/msg/Duration': DurationType,
  'builtin_interfaces/msg/Time': TimeType,
  'hearth_interfaces/action/Generate_Feedback': GenerateFeedbackType,
  'hearth_interfaces/action/Generate_Goal': GenerateGoalType,
  'hearth_interfaces/action/Generate_Result': GenerateResultType,
  'hearth_interfaces/action/Say_Feedback': SayFeedbackType,
  'hearth_interfaces/action/Say_Goal': SayGoalType,
  'hearth_interfaces/action/Say_Result': SayResultType,
  'hearth_interfaces/msg/Affect': AffectType,
  'hearth_interfaces/msg/AudioData': AudioDataType,
  'hearth_interfaces/msg/AudioDataStamped': AudioDataStampedType,
  'hearth_interfaces/msg/AudioFrame': AudioFrameType,
  'hearth_interfaces/msg/CaregiverCommand': CaregiverCommandType,
  'hearth_interfaces/msg/DialogueState': DialogueStateType,
  'hearth_interfaces/msg/FaceCommand': FaceCommandType,
  'hearth_interfaces/msg/GestureCommand': GestureCommandType,
  'hearth_interfaces/msg/IdsList': IdsListType,
  'hearth_interfaces/msg/JointTrajectory': JointTrajectoryType,
  'hearth_interfaces/msg/JointTrajectoryPoint': JointTrajectoryPointType,
  'hearth_interfaces/msg/LiveSpeech': LiveSpeechType,
  'hearth_interfaces/msg/MicGate': MicGateType,
  'hearth_interfaces/msg/SafetyAlert': SafetyAlertType,
  'hearth_interfaces/msg/SessionSummary': SessionSummaryType,
  'hearth_interfaces/msg/SpeechEvent': SpeechEventType,
  'hearth_interfaces/msg/Transcript': TranscriptType,
  'hearth_interfaces/msg/TurnRecord': TurnRecordType,
  'hearth_interfaces/msg/VoiceActivity': VoiceActivityType,
  'hearth_interfaces/msg/WakeWord': WakeWordType,
  'hearth_interfaces/srv/GetDialogueState_Request': GetDialogueStateRequestType,
  'hearth_interfaces/srv/GetDialogueState_Response': GetDialogueStateResponseType,
  'hearth_interfaces/srv/Wake_Request': WakeRequestType,
  'hearth_interfaces/srv/Wake_Response': WakeResponseType,
  'std_msgs/msg/Header': HeaderType,
});

/** Every action by ROS 2 type name. */
export const ActionTypes = Object.freeze({
  'hearth_interfaces/action/Generate': GenerateAction,
  'hearth_interfaces/action/Say': SayAction,
});

/** Every service by ROS 2 type name. */
export const ServiceTypes = Object.freeze({
  'hearth_interfaces/srv/GetDialogueState': GetDialogueStateService,
  'hearth_interfaces/srv/Wake': WakeService,
});

export type MessageTypeName = keyof typeof MessageTypes;
export type ActionTypeName = keyof typeof ActionTypes;
export type ServiceTypeName = keyof typeof ServiceTypes;

/** The descriptor of a message type name, or undefined for a type this package does not know. */
export function findMessageType(typeName: string): MessageDescriptor<unknown> | undefined {
  return Object.hasOwn(MessageTypes, typeName)
    ? (MessageTypes as Readonly<Record<string, MessageDescriptor<unknown>>>)[typeName]
    : undefined;
}
