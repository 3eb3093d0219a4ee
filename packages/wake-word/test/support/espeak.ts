import { execFile } from 'node:child_process';
import { wavToHearthPcm, type PcmAudio } from '@hearth/audio';

export interface Voice {
  readonly voice: string;
  /** Words per minute. */
  readonly speed: number;
  readonly pitch: number;
}

/** Speech from the real espeak-ng, at 16 kHz (espeak-ng writes 22050 Hz; the reader resamples). */
export function speak(text: string, voice: Voice): Promise<PcmAudio> {
  return new Promise((resolve, reject) => {
    execFile(
      'espeak-ng',
      ['--stdout', '-v', voice.voice, '-s', String(voice.speed), '-p', String(voice.pitch), text],
      { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => {
        if (error) reject(error);
        else resolve(wavToHearthPcm(stdout, `espeak-ng "${text}"`));
      },
    );
  });
}

export function describeVoice(voice: Voice): string {
  return `${voice.voice} ${voice.speed}wpm p${voice.pitch}`;
}
