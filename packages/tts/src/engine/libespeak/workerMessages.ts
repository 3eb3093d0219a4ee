import type { EspeakEvent } from './espeakEvents.js';

/** What the libespeak-ng worker (espeakWorkerSource) posts back to the main thread. */
export type WorkerMessage =
  | { type: 'ready'; sampleRate: number }
  | { type: 'failed'; message: string }
  | { type: 'voice'; id: number }
  | { type: 'error'; id: number; message: string }
  | {
      type: 'result';
      id: number;
      cancelled: boolean;
      sampleRate: number;
      samples: Int16Array;
      events: EspeakEvent[];
    };
