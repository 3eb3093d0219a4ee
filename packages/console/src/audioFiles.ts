/**
 * Which files the console may serve as audio. Only WAV files lying directly in the audio folder
 * are reachable, by a plain file name: no separators, no `..`, no hidden files, so no request can
 * name a file outside the folder.
 */
import { basename, dirname, resolve } from 'node:path';

const SAFE_WAV_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.wav$/;

/** The URL prefix under which the audio folder is served. */
export const AUDIO_ROUTE_PREFIX = '/audio/';

export function isSafeAudioName(name: string): boolean {
  return SAFE_WAV_NAME.test(name) && !name.includes('..');
}

/**
 * The console URL of a WAV the tts node wrote, or null when the file is not servable (empty
 * path, outside the audio folder, or an unsafe name).
 */
export function audioUrlFor(audioDir: string, filePath: string): string | null {
  if (filePath.length === 0) return null;
  const absolute = resolve(audioDir, filePath);
  if (dirname(absolute) !== resolve(audioDir)) return null;
  const name = basename(absolute);
  return isSafeAudioName(name) ? AUDIO_ROUTE_PREFIX + encodeURIComponent(name) : null;
}
