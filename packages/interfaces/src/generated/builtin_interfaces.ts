// generated, do not edit: written by packages/interfaces/scripts/generate.mjs from the
// .msg, .action and .srv files of hearth_interfaces. Change those and run `pnpm gen:interfaces`.

import { defineMessage } from '../defineMessage.js';
import type { Duration, Time } from '../runtime.js';
import { Checks, at } from '../validation.js';

/** Creates, parses and checks `builtin_interfaces/msg/Duration` messages. */
export const DurationType = defineMessage<Duration>({
  typeName: 'builtin_interfaces/msg/Duration',
  definition: [
    {
      name: 'sec',
      type: 'int32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'nanosec',
      type: 'uint32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    sec: 0,
    nanosec: 0,
  }),
  checkFields: (m, path, issues) => {
    Checks.int32(m.sec, at(path, 'sec'), issues);
    Checks.uint32(m.nanosec, at(path, 'nanosec'), issues);
  },
});

/** Creates, parses and checks `builtin_interfaces/msg/Time` messages. */
export const TimeType = defineMessage<Time>({
  typeName: 'builtin_interfaces/msg/Time',
  definition: [
    {
      name: 'sec',
      type: 'int32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'nanosec',
      type: 'uint32',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    sec: 0,
    nanosec: 0,
  }),
  checkFields: (m, path, issues) => {
    Checks.int32(m.sec, at(path, 'sec'), issues);
    Checks.uint32(m.nanosec, at(path, 'nanosec'), issues);
  },
});
