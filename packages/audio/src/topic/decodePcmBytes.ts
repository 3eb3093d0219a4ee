import type { PcmFormat } from './PcmFormat.js';
import { frameBytes } from './PcmFormat.js';

/**
 * Interleaved little-endian PCM bytes to mono floats in [-1, 1): channels averaged (as a WAV
 * file's are). Only whole sample frames are read; the caller reports any bytes left over.
 */
export function decodePcmBytes(bytes: Uint8Array, format: PcmFormat): Float32Array {
  const stride = frameBytes(format);
  const frames = Math.floor(bytes.length / stride);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const output = new Float32Array(frames);
  const { channels } = format;
  const s16 = format.sampleFormat === 'S16LE';
  for (let frame = 0; frame < frames; frame++) {
    let sum = 0;
    for (let channel = 0; channel < channels; channel++) {
      if (s16) {
        sum += view.getInt16(frame * stride + channel * 2, true) / 32768;
      } else {
        // A NaN would spread through the resampler's taps to its neighbours: take it as silence.
        const value = view.getFloat32(frame * stride + channel * 4, true);
        if (Number.isFinite(value)) sum += value;
      }
    }
    output[frame] = channels === 1 ? sum : sum / channels;
  }
  return output;
}
