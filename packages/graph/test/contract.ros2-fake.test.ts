import { createFakeRclnodejs, createRos2Transport, LogCapture } from '../src/index.js';
import { describeGraphTransportContract } from './support/describeGraphTransportContract.js';

describeGraphTransportContract('rclnodejs adapter over the fake', ({ parameters }) =>
  createRos2Transport({
    rclnodejs: createFakeRclnodejs(),
    logger: { capture: new LogCapture() },
    ...(parameters === undefined ? {} : { parameters }),
  }),
);
