import { tokenize } from '../choose/tokenize.js';
import type { GestureProfile, SentenceCue } from '../profile/GestureProfile.js';
import { MappingOverrideError } from '../errors/MappingOverrideError.js';

const PARAMETER = 'sentence_cues';

/** One `sentence_cues` entry: a trigger (a word or phrase, or `*ending`) and its gesture. */
interface CueEntry {
  readonly phrase?: readonly string[];
  readonly ending?: string;
  /** Empty: the trigger is switched off. */
  readonly gesture: string;
}

function parseEntry(entry: string, profile: GestureProfile): CueEntry {
  const at = entry.lastIndexOf('=');
  if (at <= 0)
    throw new MappingOverrideError(
      PARAMETER,
      entry,
      'has no "="',
      "write it as 'word or phrase=gesture' or '*ending=gesture' (e.g. 'hello=wave', '*?=head_tilt')",
    );
  const key = entry.slice(0, at).trim();
  const gesture = entry.slice(at + 1).trim();
  if (gesture && !profile.gestures.has(gesture))
    throw new MappingOverrideError(
      PARAMETER,
      entry,
      `gesture "${gesture}" is not in the robot profile`,
      `use one of ${[...profile.gestures.keys()].join(', ')}`,
    );
  if (key.startsWith('*')) {
    const ending = key.slice(1);
    if (!ending)
      throw new MappingOverrideError(PARAMETER, entry, 'has an empty ending', "write e.g. '*?'");
    return { ending, gesture };
  }
  const phrase = tokenize(key);
  if (phrase.length === 0)
    throw new MappingOverrideError(
      PARAMETER,
      entry,
      `"${key}" has no word to match`,
      "name a word or phrase, or an ending with a leading '*' (e.g. '*?')",
    );
  return { phrase, gesture };
}

function samePhrase(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((word, i) => word === b[i]);
}

/**
 * The profile's sentence cues with the `sentence_cues` parameter's entries laid over them, one
 * trigger per entry, in the style of the other mapping parameters: `hello=wave` (a word or
 * phrase), `*?=head_tilt` (a sentence ending). Each entry takes its trigger out of the profile's
 * cues; with a gesture it becomes a cue of its own, checked before the profile's (first match
 * wins, so the parameter's say goes), with none (`hey=`) the trigger is switched off. Throws
 * MappingOverrideError naming the entry and the fix.
 */
export function applySentenceCueOverrides(
  profile: GestureProfile,
  cues: readonly SentenceCue[],
  entries: readonly string[],
): SentenceCue[] {
  const parsed = entries.map((entry) => parseEntry(entry, profile));
  const remaining = cues
    .map((cue) => ({
      ...cue,
      words: cue.words.filter(
        (words) => !parsed.some((entry) => entry.phrase && samePhrase(entry.phrase, words)),
      ),
      endsWith: cue.endsWith.filter((ending) => !parsed.some((entry) => entry.ending === ending)),
    }))
    .filter((cue) => cue.words.length > 0 || cue.endsWith.length > 0);
  const added = parsed
    .filter((entry) => entry.gesture !== '')
    .map((entry): SentenceCue => ({
      gesture: entry.gesture,
      words: entry.phrase ? [entry.phrase] : [],
      endsWith: entry.ending !== undefined ? [entry.ending] : [],
    }));
  return [...added, ...remaining];
}
