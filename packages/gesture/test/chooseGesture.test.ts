import { beforeAll, describe, expect, it } from '@jest/globals';
import { chooseGesture } from '../src/choose/chooseGesture.js';
import { applyMappingOverrides, MappingOverrideError } from '../src/node/mappingOverrides.js';
import type { GestureProfile } from '../src/profile/GestureProfile.js';
import { DEFAULT_GESTURES_FILE, loadGestureProfile } from '../src/profile/loadGestureProfile.js';

describe('chooseGesture (default robot profile)', () => {
  let profile: GestureProfile;
  beforeAll(async () => {
    profile = await loadGestureProfile(DEFAULT_GESTURES_FILE);
  });

  it('tilts the head on a question', () => {
    expect(chooseGesture({ sentence: 'How are you feeling today?' }, profile)).toMatchObject({
      name: 'head_tilt',
      reason: 'sentence',
      rule: 'cue',
      priority: 2,
    });
  });

  it('waves at greetings, matching whole words and phrases only', () => {
    expect(chooseGesture({ sentence: 'Hello, it is good to see you.' }, profile)?.name).toBe(
      'wave',
    );
    expect(chooseGesture({ sentence: 'Good morning to you.' }, profile)?.name).toBe('wave');
    expect(chooseGesture({ sentence: 'This is a hint.' }, profile)?.name).toBe('nod');
  });

  it("maps an ExTES strategy onto its nearest ESConv one for the profile's strategy map", () => {
    const esconv = chooseGesture(
      { sentence: 'That sounds exhausting.', strategy: 'Reflection of feelings' },
      profile,
    );
    const extes = chooseGesture(
      { sentence: 'That sounds exhausting.', strategy: 'Emotional Validation' },
      profile,
    );
    expect(extes).toMatchObject({ name: esconv?.name, rule: 'strategy' });
  });

  it('uses the reply strategy when no cue matches', () => {
    expect(
      chooseGesture(
        { sentence: 'That sounds exhausting.', strategy: 'Reflection of feelings' },
        profile,
      ),
    ).toMatchObject({
      name: 'slow_nod',
      reason: 'strategy',
    });
    expect(
      chooseGesture({ sentence: 'You did well.', strategy: 'Affirmation and Reassurance' }, profile)
        ?.name,
    ).toBe('open_palms');
  });

  it('falls back to the state, then the default nod', () => {
    expect(
      chooseGesture({ sentence: 'Please stay with me.', state: 'crisis' }, profile)?.name,
    ).toBe('comfort');
    expect(chooseGesture({ sentence: 'I understand.', state: 'speaking' }, profile)).toMatchObject({
      name: 'nod',
      rule: 'default',
    });
    expect(
      chooseGesture({ sentence: 'I understand.', strategy: 'Not a strategy' }, profile)?.name,
    ).toBe('nod');
  });

  it('maps state changes alone to state gestures, or to none', () => {
    expect(chooseGesture({ state: 'listening' }, profile)).toMatchObject({
      name: 'lean_in',
      reason: 'state',
    });
    expect(chooseGesture({ state: 'thinking' }, profile)?.name).toBe('thinking_pose');
    expect(chooseGesture({ state: 'asleep' }, profile)?.name).toBe('idle_breathing');
    expect(chooseGesture({ state: 'speaking' }, profile)).toBeUndefined();
    expect(chooseGesture({ state: 'constructor' }, profile)).toBeUndefined();
  });

  it('uses the affect after cues and strategy, before the state', () => {
    expect(
      chooseGesture({ sentence: 'I am here.', affect: 'sadness', state: 'crisis' }, profile),
    ).toMatchObject({ name: 'slow_nod', reason: 'affect', rule: 'affect' });
    expect(
      chooseGesture(
        { sentence: 'You did well.', affect: 'sadness', strategy: 'Affirmation and Reassurance' },
        profile,
      )?.name,
    ).toBe('open_palms');
    expect(chooseGesture({ affect: 'anxiety' }, profile)?.name).toBe('open_palms');
    expect(chooseGesture({ affect: 'neutral', state: 'listening' }, profile)).toBeUndefined();
  });

  it('takes a mapping with the parameters laid over the profile', () => {
    const mapping = applyMappingOverrides(profile, {
      strategy: ['Reflection of feelings=comfort', 'Question='],
      state: ['listening=lean_in+small_nod'],
      affect: ['anger=nod'],
    });
    expect(
      chooseGesture(
        { sentence: 'That sounds hard.', strategy: 'Reflection of feelings' },
        profile,
        mapping,
      )?.name,
    ).toBe('comfort');
    expect(mapping.strategy.has('Question')).toBe(false);
    expect(mapping.state.get('listening')).toEqual(['lean_in', 'small_nod']);
    expect(mapping.affect.get('anger')).toBe('nod');
    expect(() =>
      applyMappingOverrides(profile, { strategy: ['Pondering=nod'], state: [], affect: [] }),
    ).toThrow(/strategy_gestures entry "Pondering=nod"[\s\S]*Question/);
    expect(() =>
      applyMappingOverrides(profile, { strategy: [], state: ['asleep'], affect: [] }),
    ).toThrow(MappingOverrideError);
  });

  it('takes sentence cues and the default from the parameters, laid over the profile', () => {
    const none = { strategy: [], state: [], affect: [] };
    const mapping = applyMappingOverrides(profile, {
      ...none,
      // A question gets a nod, "hey" no longer waves, "welcome" does; the default is slow_nod.
      sentenceCues: ['*?=nod', 'hey=', 'welcome back=wave'],
      defaultGesture: 'slow_nod',
    });
    const chosen = (sentence: string): string | undefined =>
      chooseGesture({ sentence }, profile, mapping)?.name;
    expect(chosen('How are you feeling today?')).toBe('nod');
    expect(chosen('Hey, there you are.')).toBe('slow_nod');
    expect(chosen('Welcome back, friend.')).toBe('wave');
    expect(chosen('Hello again.')).toBe('wave'); // the profile's other greetings stay
    expect(chosen('I see.')).toBe('slow_nod');
    // Nothing set: the profile's cues and default, unchanged.
    expect(applyMappingOverrides(profile, none)).toMatchObject({
      sentenceCues: profile.mapping.sentenceCues,
      default: 'nod',
    });
    expect(() => applyMappingOverrides(profile, { ...none, sentenceCues: ['*?=shrug'] })).toThrow(
      /sentence_cues entry "\*\?=shrug"[\s\S]*head_tilt/,
    );
    expect(() => applyMappingOverrides(profile, { ...none, sentenceCues: ['?=nod'] })).toThrow(
      /no word to match[\s\S]*'\*\?'/,
    );
    expect(() => applyMappingOverrides(profile, { ...none, defaultGesture: 'shrug' })).toThrow(
      /default_gesture entry "shrug"/,
    );
  });
});
