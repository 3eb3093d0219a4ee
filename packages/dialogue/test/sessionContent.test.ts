/**
 * What a session summary says it was about, without words: topic labels of what the person said
 * and the support strategies of the replies, through the node on the in-process graph, and the
 * labeller's examples and hard negatives.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { detectTopics, sessionTopicsOf } from '@hearth/llm/topics';
import { DialogueHarness, until } from './support/graphHarness.js';

describe('sessionTopicsOf', () => {
  it.each([
    ["I can't sleep since my husband passed away", ['grief', 'sleep', 'family']],
    ['I feel so lonely, nobody visits', ['loneliness']],
    ['the doctor changed my medication and my back pain is worse', ['health']],
    ['my boss shouted at me at work today and I am furious', ['work', 'anger']],
    ['worried about paying the rent', ['money', 'anxiety']],
  ])('labels %j', (text, topics) => {
    expect(sessionTopicsOf(text)).toEqual(topics);
  });

  it.each([
    'I lost my keys again',
    'that trick did not work',
    'hello, how are you',
    'I broke my cup',
  ])('finds no topic in %j', (text) => {
    expect(sessionTopicsOf(text)).toEqual([]);
  });

  it.each([
    ['I miss my late husband', 'grief'],
    ['I barely slept last night', 'sleep'],
  ])('reads %j as the fallback responder does (%s): one detector', (text, topic) => {
    expect(sessionTopicsOf(text)).toContain(topic);
    expect(detectTopics(text)[0]).toBe(topic);
  });
});

describe('DialogueNode session summary content', () => {
  let harness: DialogueHarness | undefined;
  afterEach(async () => {
    await harness?.dispose();
    harness = undefined;
  });

  it('carries the topic labels and strategies of its turns, never their words', async () => {
    const h = (harness = new DialogueHarness());
    h.wake();
    await until('listening', () => h.dialogue.state === 'listening');
    h.say('I have not slept well since my daughter moved away');
    await until('the first reply', () => h.turns.length === 1);
    h.say('and my knee pain keeps me up');
    await until('the second reply', () => h.turns.length === 2);
    h.caregiver('end-session');
    await until('the session summary', () => h.sessions.length === 1);
    const [summary] = h.sessions;
    expect(summary?.topics).toEqual(['health', 'sleep', 'family']);
    expect(summary?.strategies).toEqual(['Affirmation']);
    expect(JSON.stringify(summary)).not.toMatch(/daughter|knee/);

    // The next session starts empty.
    h.wake();
    await until('listening again', () => h.dialogue.state === 'listening');
    h.caregiver('end-session');
    await until('the second summary', () => h.sessions.length === 2);
    expect(h.sessions[1]).toMatchObject({ topics: [], strategies: [] });
  });
});
