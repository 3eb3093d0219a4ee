import { open, type FileHandle } from 'node:fs/promises';
import {
  InvalidWavError,
  durationMs,
  encodeWav,
  pcmBytes,
  readWavLayout,
  type PcmAudio,
} from '@hearth/audio';

/** Enough to hold the RIFF header and the chunks before `data` in any WAV this package writes. */
const HEADER_PROBE_BYTES = 4096;

/** Opens read-write without truncating (append mode would ignore positions on Linux). */
async function openForUpdate(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return open(path, 'w+');
    throw error;
  }
}

/**
 * Appends `audio` to the WAV file at `path` (creating it when absent) and rewrites the RIFF and
 * data sizes, so the file is a valid WAV after every append: a reply's group file can be played
 * or attached to its turn record while later sentences are still being spoken.
 * Returns the file's total duration in milliseconds.
 */
export async function appendWavFile(path: string, audio: PcmAudio): Promise<number> {
  const file = await openForUpdate(path);
  try {
    const { size } = await file.stat();
    if (size === 0) {
      await file.write(encodeWav(audio), 0, undefined, 0);
      return durationMs(audio);
    }
    const probe = Buffer.alloc(Math.min(size, HEADER_PROBE_BYTES));
    await file.read(probe, 0, probe.length, 0);
    const layout = readWavLayout(probe, path);
    if (layout.sampleRate !== audio.sampleRate) {
      throw new InvalidWavError(
        path,
        `sample rate ${layout.sampleRate} Hz cannot take ${audio.sampleRate} Hz audio`,
      );
    }
    const existingBytes = size - layout.dataOffset;
    const data = pcmBytes(audio.samples);
    await file.write(data, 0, data.length, size);
    const dataBytes = existingBytes + data.length;
    const sizes = Buffer.alloc(4);
    sizes.writeUInt32LE(layout.dataOffset - 8 + dataBytes, 0);
    await file.write(sizes, 0, 4, 4);
    sizes.writeUInt32LE(dataBytes, 0);
    await file.write(sizes, 0, 4, layout.dataOffset - 4);
    return (dataBytes / 2 / audio.sampleRate) * 1000;
  } finally {
    await file.close();
  }
}
