import {
  AFFECT_EMOTIONS,
  DIALOGUE_STATES,
  SUPPORT_STRATEGIES,
  type GestureMapping,
  type GestureProfile,
} from '../profile/GestureProfile.js';
import { MappingOverrideError } from '../errors/MappingOverrideError.js';
import { applySentenceCueOverrides } from './sentenceCueOverrides.js';

export { MappingOverrideError };

/** The string-array parameters that override the profile's mapping, entry by entry. */
export interface MappingOverrides {
  /** `Strategy=gesture`, e.g. `Reflection of feelings=slow_nod`. */
  readonly strategy: readonly string[];
  /** `state=gesture` or `state=g1+g2` (several at once), e.g. `asleep=idle_breathing+idle_gaze`. */
  readonly state: readonly string[];
  /** `emotion=gesture`, e.g. `sadness=comfort`. */
  readonly affect: readonly string[];
  /** `word or phrase=gesture` or `*ending=gesture`, e.g. `hello=wave`, `*?=head_tilt`. */
  readonly sentenceCues?: readonly string[];
  /** The gesture for a sentence nothing else chose one for; empty: the profile's. */
  readonly defaultGesture?: string;
}

function parseEntries(
  parameter: string,
  entries: readonly string[],
  keys: readonly string[],
  profile: GestureProfile,
  allowSeveral: boolean,
): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const entry of entries) {
    const at = entry.lastIndexOf('=');
    if (at <= 0)
      throw new MappingOverrideError(parameter, entry, 'has no "="', 'write it as KEY=gesture');
    const key = entry.slice(0, at).trim();
    if (!keys.includes(key))
      throw new MappingOverrideError(
        parameter,
        entry,
        `"${key}" is not known`,
        `use one of ${keys.join(', ')}`,
      );
    const names = entry
      .slice(at + 1)
      .split('+')
      .map((name) => name.trim())
      .filter((name) => name.length > 0);
    if (!allowSeveral && names.length > 1)
      throw new MappingOverrideError(parameter, entry, 'names several gestures', 'name one');
    for (const name of names) {
      if (!profile.gestures.has(name))
        throw new MappingOverrideError(
          parameter,
          entry,
          `gesture "${name}" is not in the robot profile`,
          `use one of ${[...profile.gestures.keys()].join(', ')}`,
        );
    }
    // An empty right side (`Question=`) switches that key's gesture off.
    result.set(key, names);
  }
  return result;
}

/** `base` with `overrides` laid over it; an override that is `empty` removes the key. */
function merge<V>(
  base: ReadonlyMap<string, V>,
  overrides: Map<string, V>,
  empty: (value: V) => boolean,
): Map<string, V> {
  const merged = new Map(base);
  for (const [key, value] of overrides) {
    if (empty(value)) merged.delete(key);
    else merged.set(key, value);
  }
  return merged;
}

/**
 * The profile's mapping with the parameters' entries laid over it. Throws MappingOverrideError
 * for an entry with an unknown key or gesture, so a parameter validator can refuse the change.
 */
export function applyMappingOverrides(
  profile: GestureProfile,
  overrides: MappingOverrides,
): GestureMapping {
  const strategy = parseEntries(
    'strategy_gestures',
    overrides.strategy,
    SUPPORT_STRATEGIES,
    profile,
    false,
  );
  const state = parseEntries('state_gestures', overrides.state, DIALOGUE_STATES, profile, true);
  const affect = parseEntries('affect_gestures', overrides.affect, AFFECT_EMOTIONS, profile, false);
  const first = (names: string[]): string => names[0] ?? '';
  const defaultGesture = overrides.defaultGesture ?? '';
  if (defaultGesture && !profile.gestures.has(defaultGesture))
    throw new MappingOverrideError(
      'default_gesture',
      defaultGesture,
      'is not a gesture of the robot profile',
      `use one of ${[...profile.gestures.keys()].join(', ')}, or '' for the profile's default`,
    );
  return {
    ...profile.mapping,
    sentenceCues: applySentenceCueOverrides(
      profile,
      profile.mapping.sentenceCues,
      overrides.sentenceCues ?? [],
    ),
    default: defaultGesture || profile.mapping.default,
    strategy: merge(
      profile.mapping.strategy,
      new Map([...strategy].map(([key, names]) => [key, first(names)])),
      (name) => name === '',
    ),
    state: merge(profile.mapping.state, state, (names) => names.length === 0),
    affect: merge(
      profile.mapping.affect,
      new Map([...affect].map(([key, names]) => [key, first(names)])),
      (name) => name === '',
    ),
  };
}
