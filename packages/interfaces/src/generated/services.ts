// generated, do not edit: written by packages/interfaces/scripts/generate.mjs from the
// .msg, .action and .srv files of hearth_interfaces. Change those and run `pnpm gen:interfaces`.

import { defineMessage } from '../defineMessage.js';
import type { ServiceDescriptor } from '../runtime.js';
import { Checks, at } from '../validation.js';

/**
 * Ask the dialogue node for its current state.
 *
 * ROS 2 type `hearth_interfaces/srv/GetDialogueState_Request`, from srv/GetDialogueState.srv.
 */
export type GetDialogueStateRequest = Record<string, never>;

/** Creates, parses and checks `hearth_interfaces/srv/GetDialogueState_Request` messages. */
export const GetDialogueStateRequestType = defineMessage<GetDialogueStateRequest>({
  typeName: 'hearth_interfaces/srv/GetDialogueState_Request',
  definition: [],
  constants: {},
  defaults: () => ({}),
  checkFields: () => {},
});

/** ROS 2 type `hearth_interfaces/srv/GetDialogueState_Response`, from srv/GetDialogueState.srv. */
export interface GetDialogueStateResponse {
  state: string;
  session_id: string;
  turn_index: number;
}

/** Creates, parses and checks `hearth_interfaces/srv/GetDialogueState_Response` messages. */
export const GetDialogueStateResponseType = defineMessage<GetDialogueStateResponse>({
  typeName: 'hearth_interfaces/srv/GetDialogueState_Response',
  definition: [
    {
      name: 'state',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'session_id',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'turn_index',
      type: 'uint32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    state: '',
    session_id: '',
    turn_index: 0,
  }),
  checkFields: (m, path, issues) => {
    Checks.string(m.state, at(path, 'state'), issues);
    Checks.string(m.session_id, at(path, 'session_id'), issues);
    Checks.uint32(m.turn_index, at(path, 'turn_index'), issues);
  },
});

/**
 * Ask the dialogue node for its current state.
 *
 * ROS 2 service `hearth_interfaces/srv/GetDialogueState`, from srv/GetDialogueState.srv.
 */
export const GetDialogueStateService: ServiceDescriptor<
  GetDialogueStateRequest,
  GetDialogueStateResponse
> = Object.freeze({
  typeName: 'hearth_interfaces/srv/GetDialogueState',
  request: GetDialogueStateRequestType,
  response: GetDialogueStateResponseType,
});

/**
 * Wake the robot as if its wake phrase had been heard (simulator console, tests, tools).
 *
 * ROS 2 type `hearth_interfaces/srv/Wake_Request`, from srv/Wake.srv.
 */
export interface WakeRequest {
  source: string;
}

/** Creates, parses and checks `hearth_interfaces/srv/Wake_Request` messages. */
export const WakeRequestType = defineMessage<WakeRequest>({
  typeName: 'hearth_interfaces/srv/Wake_Request',
  definition: [
    {
      name: 'source',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    source: '',
  }),
  checkFields: (m, path, issues) => {
    Checks.string(m.source, at(path, 'source'), issues);
  },
});

/** ROS 2 type `hearth_interfaces/srv/Wake_Response`, from srv/Wake.srv. */
export interface WakeResponse {
  accepted: boolean;
  state: string;
}

/** Creates, parses and checks `hearth_interfaces/srv/Wake_Response` messages. */
export const WakeResponseType = defineMessage<WakeResponse>({
  typeName: 'hearth_interfaces/srv/Wake_Response',
  definition: [
    {
      name: 'accepted',
      type: 'bool',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'state',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    accepted: false,
    state: '',
  }),
  checkFields: (m, path, issues) => {
    Checks.bool(m.accepted, at(path, 'accepted'), issues);
    Checks.string(m.state, at(path, 'state'), issues);
  },
});

/**
 * Wake the robot as if its wake phrase had been heard (simulator console, tests, tools).
 *
 * ROS 2 service `hearth_interfaces/srv/Wake`, from srv/Wake.srv.
 */
export const WakeService: ServiceDescriptor<WakeRequest, WakeResponse> = Object.freeze({
  typeName: 'hearth_interfaces/srv/Wake',
  request: WakeRequestType,
  response: WakeResponseType,
});
