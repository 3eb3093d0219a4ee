import { describe, it } from '@jest/globals';

import { createRos2Transport, LogCapture } from '../src/index.js';
import { describeGraphTransportContract } from './support/describeGraphTransportContract.js';

// Runs only where ROS 2 is sourced and rclnodejs was built (see the README, "On a robot").
if (process.env['ROS_DISTRO'] !== undefined && process.env['ROS_DISTRO'] !== '') {
  describeGraphTransportContract(
    `rclnodejs on ROS 2 ${process.env['ROS_DISTRO']}`,
    ({ parameters }) =>
      createRos2Transport({
        logger: { capture: new LogCapture() },
        ...(parameters === undefined ? {} : { parameters }),
      }),
  );
} else {
  console.log(
    'Skipping the graph contract suite on real rclnodejs: ROS_DISTRO is not set (no ROS 2 sourced here).',
  );
  describe('GraphTransport contract: real rclnodejs', () => {
    it.skip('needs ROS 2 sourced (ROS_DISTRO) and rclnodejs built', () => undefined);
  });
}
