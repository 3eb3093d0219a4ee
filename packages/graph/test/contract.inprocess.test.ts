import { createInProcessTransport, LogCapture } from '../src/index.js';
import { describeGraphTransportContract } from './support/describeGraphTransportContract.js';

describeGraphTransportContract('in-process', async ({ parameters }) =>
  createInProcessTransport({
    logger: { capture: new LogCapture() },
    ...(parameters === undefined ? {} : { parameters }),
  }),
);
