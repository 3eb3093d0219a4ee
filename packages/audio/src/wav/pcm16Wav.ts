/**
 * Hearth's own WAV form: canonical 44-byte header, 16-bit mono PCM, at any sample rate. Used to
 * write and append speech (tts) and test audio, and to read it back without converting to float
 * (decodeWav in this folder reads any PCM WAV, as floats per channel).
 */
import { endianness } from 'node:os';
import { InvalidWavError } from '../errors/InvalidWavError.js';
import type { PcmAudio } from '../PcmAudio.js';

/** WAV samples are little-endian; on such hosts (x86, arm64) bytes are copied as they are. */
const LITTLE_ENDIAN = endianness() === 'LE';

/** Size of the canonical RIFF/WAVE header this module writes (RIFF, fmt, data). */
export const WAV_HEADER_BYTES = 44;

/** A canonical 44-byte header for `dataBytes` bytes of 16-bit mono PCM at `sampleRate`. */
export function wavHeader(sampleRate: number, dataBytes: number): Buffer {
  const header = Buffer.alloc(WAV_HEADER_BYTES);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size for PCM
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/** The little-endian bytes of the samples (WAV's byte order). */
export function pcmBytes(samples: Int16Array): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
  const bytes = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) bytes.writeInt16LE(samples[i] ?? 0, i * 2);
  return bytes;
}

export function encodeWav(audio: PcmAudio): Buffer {
  const data = pcmBytes(audio.samples);
  return Buffer.concat([wavHeader(audio.sampleRate, data.length), data]);
}

export interface WavLayout {
  readonly sampleRate: number;
  readonly dataOffset: number;
  /** Bytes of sample data actually present (a streamed header may claim more). */
  readonly dataBytes: number;
}

/**
 * Finds the format and data chunks of a 16-bit mono PCM WAV. Tolerates streamed WAVs (espeak-ng --stdout writes
 * 0x7ffff000 as sizes because it cannot seek back) by clamping the data to the bytes present.
 */
export function readWavLayout(bytes: Buffer, source: string): WavLayout {
  if (
    bytes.length < 12 ||
    bytes.toString('ascii', 0, 4) !== 'RIFF' ||
    bytes.toString('ascii', 8, 12) !== 'WAVE'
  ) {
    throw new InvalidWavError(source, 'no RIFF/WAVE header');
  }
  let offset = 12;
  let sampleRate: number | undefined;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (body + 16 > bytes.length) throw new InvalidWavError(source, 'truncated fmt chunk');
      const format = bytes.readUInt16LE(body);
      const channels = bytes.readUInt16LE(body + 2);
      const bits = bytes.readUInt16LE(body + 14);
      if (format !== 1 || channels !== 1 || bits !== 16) {
        throw new InvalidWavError(source, `format ${format}, ${channels} channel(s), ${bits} bits`);
      }
      sampleRate = bytes.readUInt32LE(body + 4);
    } else if (id === 'data') {
      if (sampleRate === undefined)
        throw new InvalidWavError(source, 'data chunk before fmt chunk');
      const present = bytes.length - body;
      const dataBytes = Math.min(size, present) - (Math.min(size, present) % 2);
      return { sampleRate, dataOffset: body, dataBytes };
    }
    offset = body + size + (size % 2); // chunks are word-aligned
  }
  throw new InvalidWavError(source, 'no data chunk');
}

/** The samples of a 16-bit mono PCM WAV, as they are (no conversion, no resampling). */
export function decodePcm16Wav(bytes: Buffer, source = 'WAV data'): PcmAudio {
  const layout = readWavLayout(bytes, source);
  const samples = new Int16Array(layout.dataBytes / 2);
  if (LITTLE_ENDIAN) {
    // Copy (not view): the samples must be 2-byte aligned and outlive the input buffer.
    new Uint8Array(samples.buffer).set(
      bytes.subarray(layout.dataOffset, layout.dataOffset + layout.dataBytes),
    );
  } else {
    for (let i = 0; i < samples.length; i++)
      samples[i] = bytes.readInt16LE(layout.dataOffset + i * 2);
  }
  return { sampleRate: layout.sampleRate, samples };
}
