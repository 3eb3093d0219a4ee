import type { Logger } from '@hearth/graph';
import { EnergyVad } from './EnergyVad.js';
import { SileroVad } from './SileroVad.js';
import type { Vad, VadSegmentOptions } from './Vad.js';

export type VadChoice = 'silero' | 'energy';

/**
 * The detector audio_in runs. When Silero cannot load (onnxruntime-node missing or failing on
 * this platform) the energy detector takes over and the error is logged: a robot that hears
 * speech less well is better than one that stops hearing it.
 */
export async function createVad(
  choice: VadChoice,
  options: Required<VadSegmentOptions>,
  logger: Logger,
): Promise<Vad> {
  if (choice === 'silero') {
    try {
      return await SileroVad.create({ ...options, threads: 1 });
    } catch (error) {
      logger.error('Silero VAD did not load; using the energy detector instead', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return new EnergyVad({ minSpeechMs: options.minSpeechMs, hangoverMs: options.hangoverMs });
}
