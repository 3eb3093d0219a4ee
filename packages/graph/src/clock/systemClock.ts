import { timeFromMs } from '@hearth/interfaces';

import type { Clock } from '../api.js';

/** Wall-clock time; the simulator and tests may inject another Clock. */
export const systemClock: Clock = {
  nowMs: () => Date.now(),
  now: () => timeFromMs(Date.now()),
};
