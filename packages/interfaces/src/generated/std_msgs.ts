// generated, do not edit: written by packages/interfaces/scripts/generate.mjs from the
// .msg, .action and .srv files of hearth_interfaces. Change those and run `pnpm gen:interfaces`.

import { defineMessage } from '../defineMessage.js';
import type { Time } from '../runtime.js';
import { Checks, at } from '../validation.js';
import { TimeType } from './builtin_interfaces.js';

/**
 * std_msgs/Header, as ROS 2 defines it: when (and in which frame) the data was made. Hearth's
 * ros4hri-compatible messages carry it; the robot's own std_msgs package is the real one.
 *
 * ROS 2 type `std_msgs/msg/Header`, from deps/std_msgs/msg/Header.msg.
 */
export interface Header {
  stamp: Time;
  /** The coordinate frame the data is in ('' where it has none, as for speech). */
  frame_id: string;
}

/** Creates, parses and checks `std_msgs/msg/Header` messages. */
export const HeaderType = defineMessage<Header>({
  typeName: 'std_msgs/msg/Header',
  definition: [
    {
      name: 'stamp',
      type: 'builtin_interfaces/msg/Time',
      primitive: false,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
    {
      name: 'frame_id',
      type: 'string',
      primitive: true,
      array: 'none',
      arraySize: null,
      stringBound: null,
    },
  ],
  constants: {},
  defaults: () => ({
    stamp: TimeType.create(),
    frame_id: '',
  }),
  checkFields: (m, path, issues) => {
    TimeType.collectIssues(m.stamp, at(path, 'stamp'), issues);
    Checks.string(m.frame_id, at(path, 'frame_id'), issues);
  },
});
