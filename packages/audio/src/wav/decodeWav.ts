import { InvalidWavError } from '../errors/InvalidWavError.js';

/** A WAV file's samples as floats in [-1, 1], one array per channel. */
export interface DecodedWav {
  readonly sampleRate: number;
  readonly bitsPerSample: number;
  /** 1 integer PCM, 3 IEEE float (WAVE_FORMAT_EXTENSIBLE is resolved to its sub-format). */
  readonly format: 1 | 3;
  readonly channels: readonly Float32Array[];
}

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

interface Fmt {
  format: 1 | 3;
  channels: number;
  sampleRate: number;
  bits: number;
  blockAlign: number;
}

/**
 * Decodes a RIFF/WAVE buffer. Written here rather than with wavefile because recorders that
 * stream (espeak-ng --stdout, arecord to a pipe) write placeholder sizes they cannot seek back to
 * fix; the data chunk is clamped to the bytes present instead of being refused.
 */
export function decodeWav(bytes: Buffer, source = 'WAV data'): DecodedWav {
  if (
    bytes.length < 12 ||
    bytes.toString('ascii', 0, 4) !== 'RIFF' ||
    bytes.toString('ascii', 8, 12) !== 'WAVE'
  ) {
    throw new InvalidWavError(source, 'no RIFF/WAVE header');
  }
  let offset = 12;
  let fmt: Fmt | undefined;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      fmt = readFmt(bytes, body, size, source);
    } else if (id === 'data') {
      if (fmt === undefined) throw new InvalidWavError(source, 'data chunk before fmt chunk');
      const end = Math.min(body + size, bytes.length);
      return decodeData(bytes.subarray(body, end), fmt);
    }
    offset = body + size + (size % 2); // chunks are word-aligned
  }
  throw new InvalidWavError(source, fmt === undefined ? 'no fmt chunk' : 'no data chunk');
}

function readFmt(bytes: Buffer, body: number, size: number, source: string): Fmt {
  if (size < 16 || body + 16 > bytes.length) throw new InvalidWavError(source, 'truncated fmt');
  let tag = bytes.readUInt16LE(body);
  const channels = bytes.readUInt16LE(body + 2);
  const sampleRate = bytes.readUInt32LE(body + 4);
  const blockAlign = bytes.readUInt16LE(body + 12);
  const bits = bytes.readUInt16LE(body + 14);
  if (tag === WAVE_FORMAT_EXTENSIBLE) {
    if (size < 40 || body + 26 > bytes.length) {
      throw new InvalidWavError(source, 'truncated extensible fmt');
    }
    tag = bytes.readUInt16LE(body + 24); // the sub-format GUID's first two bytes
  }
  if (tag !== WAVE_FORMAT_PCM && tag !== WAVE_FORMAT_FLOAT) {
    throw new InvalidWavError(source, `compressed format tag ${tag}`);
  }
  const validBits =
    tag === WAVE_FORMAT_PCM ? [8, 16, 24, 32].includes(bits) : [32, 64].includes(bits);
  if (!validBits) throw new InvalidWavError(source, `${bits}-bit samples`);
  if (channels < 1 || sampleRate < 1) {
    throw new InvalidWavError(source, `${channels} channels at ${sampleRate} Hz`);
  }
  if (blockAlign !== (channels * bits) / 8) {
    throw new InvalidWavError(source, `block align ${blockAlign}`);
  }
  return { format: tag, channels, sampleRate, bits, blockAlign };
}

function decodeData(data: Buffer, fmt: Fmt): DecodedWav {
  const frames = Math.floor(data.length / fmt.blockAlign);
  const bytesPerSample = fmt.bits / 8;
  const channels = Array.from({ length: fmt.channels }, () => new Float32Array(frames));
  if (fmt.format === WAVE_FORMAT_PCM && fmt.bits === 16 && fmt.channels === 1) {
    // The common case (Hearth's own format, espeak-ng's output) without a call per sample.
    const mono = channels[0] as Float32Array;
    for (let i = 0; i < frames; i++) {
      const low = data[2 * i] as number;
      const high = data[2 * i + 1] as number;
      mono[i] = (((high << 24) >> 16) | low) / 32768;
    }
    return { sampleRate: fmt.sampleRate, bitsPerSample: 16, format: 1, channels };
  }
  const read = sampleReader(fmt);
  for (let frame = 0; frame < frames; frame++) {
    for (let channel = 0; channel < fmt.channels; channel++) {
      const at = frame * fmt.blockAlign + channel * bytesPerSample;
      (channels[channel] as Float32Array)[frame] = read(data, at);
    }
  }
  return { sampleRate: fmt.sampleRate, bitsPerSample: fmt.bits, format: fmt.format, channels };
}

function sampleReader(fmt: Fmt): (data: Buffer, at: number) => number {
  if (fmt.format === WAVE_FORMAT_FLOAT) {
    return fmt.bits === 32 ? (d, at) => d.readFloatLE(at) : (d, at) => d.readDoubleLE(at);
  }
  switch (fmt.bits) {
    case 8:
      return (d, at) => ((d[at] ?? 128) - 128) / 128; // 8-bit WAV is unsigned
    case 16:
      return (d, at) => d.readInt16LE(at) / 32768;
    case 24:
      return (d, at) => d.readIntLE(at, 3) / 8388608;
    default:
      return (d, at) => d.readInt32LE(at) / 2147483648;
  }
}
