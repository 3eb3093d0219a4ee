import type { PcmAudio } from '../PcmAudio.js';

/** A canonical 16-bit mono WAV file (RIFF, fmt, data). */
export function encodeWav(audio: PcmAudio): Buffer {
  const data = Buffer.alloc(audio.samples.length * 2);
  for (let i = 0; i < audio.samples.length; i++) data.writeInt16LE(audio.samples[i] ?? 0, i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(audio.sampleRate, 24);
  header.writeUInt32LE(audio.sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
