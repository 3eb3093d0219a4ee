import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { GestureProfileError } from '../errors/GestureProfileError.js';
import type { GestureProfile } from './GestureProfile.js';
import { parseGestureProfile } from './parseGestureProfile.js';

/** The default robot profile's gestures (robot-config/default/gestures.yaml in the repository). */
export const DEFAULT_GESTURES_FILE = fileURLToPath(
  new URL('../../../../robot-config/default/gestures.yaml', import.meta.url),
);

function unreadable(path: string, error: unknown): GestureProfileError {
  const code = (error as NodeJS.ErrnoException).code;
  return new GestureProfileError(path, [
    {
      key: '',
      problem:
        code === 'ENOENT'
          ? 'the file does not exist'
          : `the file cannot be read (${String(code ?? error)})`,
      fix: "set the gesture node's gestures_file parameter to a robot profile's gestures.yaml, e.g. robot-config/default/gestures.yaml",
    },
  ]);
}

/** Reads and validates a robot profile's gestures file. */
export async function loadGestureProfile(path: string): Promise<GestureProfile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw unreadable(path, error);
  }
  return parseGestureProfile(text, path);
}

/** The same, synchronously: for a parameter validator, which must answer at once. */
export function loadGestureProfileSync(path: string): GestureProfile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw unreadable(path, error);
  }
  return parseGestureProfile(text, path);
}
