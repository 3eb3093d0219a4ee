/**
 * The names the tts node gives the WAV files it writes in `audio_dir`: `<utterance>.wav`,
 * `<utterance>.sentence.wav`, `<group>.wav` (each made by safeFileName: letters, digits, `.`,
 * `_`, `-`, starting with a letter or digit, at most 120 characters before `.sentence`) and
 * `audio_out.wav` (the `file` output's default). Retention removes nothing else.
 */
const TTS_WAV_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,129}\.wav$/;

export function isTtsAudioFileName(name: string): boolean {
  return TTS_WAV_NAME.test(name) && !name.includes('..');
}

/** A WAV file starts with `RIFF`, its size, then `WAVE`. */
export function isWavHeader(head: Uint8Array): boolean {
  const text = Buffer.from(head).toString('latin1');
  return head.length >= 12 && text.startsWith('RIFF') && text.slice(8, 12) === 'WAVE';
}
