/**
 * Consent per person from the robot's parameters file: the people, their consent and names,
 * who is speaking, validation errors that name the file, key and fix, and changes at run time.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import {
  LogCapture,
  ParametersFileError,
  createInProcessTransport,
  loadParametersFile,
  parseParametersFile,
  type GraphNode,
} from '@hearth/graph';
import { ConsentProfile } from '../src/consent/ConsentProfile.js';
import { ConsentProfileError } from '../src/errors/ConsentProfileError.js';

const PROFILE = `
telemetry:
  ros__parameters:
    consent:
      default: state_mood
      current_person: margaret
    people:
      ids: [margaret, tom]
      margaret:
        display_name: Margaret Okafor
        other_names: [Maggie]
        consent: transcripts
      tom:
        display_name: Tom Reyes
        consent: nothing
`;

function nodeFrom(text: string, path = 'robot-config/test/params.yaml'): GraphNode {
  const transport = createInProcessTransport({
    logger: { capture: new LogCapture() },
    parameters: parseParametersFile(text, path),
  });
  return transport.createNode('telemetry');
}

describe('ConsentProfile', () => {
  it('reads the people, their consent and who is speaking', () => {
    const consent = new ConsentProfile(nodeFrom(PROFILE));
    expect(consent.currentPerson).toBe('margaret');
    expect(consent.levelFor('margaret')).toBe('transcripts');
    expect(consent.levelFor('tom')).toBe('nothing');
    expect(consent.levelFor('someone-else')).toBe('state_mood');
    expect(consent.levelFor('')).toBe('state_mood');
    expect(consent.knownPeople.map((p) => p.id)).toEqual(['margaret', 'tom']);
    expect(consent.redactor.redact('Maggie and Tom Reyes')).toBe('[NAME] and [NAME]');
    // The crisis messages' helplines stay: they are public, and the caregiver needs them.
    expect(consent.redactor.redact('Call 0800 111 0 111 now')).toBe('Call 0800 111 0 111 now');
  });

  it('defaults to state and mood for everyone when the profile lists nobody', () => {
    const consent = new ConsentProfile(nodeFrom(''));
    expect(consent.currentPerson).toBe('');
    expect(consent.levelFor('')).toBe('state_mood');
    expect(consent.knownPeople).toEqual([]);
  });

  it('refuses a consent level it does not know, naming the file, the key and the levels', () => {
    const text = PROFILE.replace('consent: nothing', 'consent: everything');
    let error: unknown;
    try {
      new ConsentProfile(nodeFrom(text));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParametersFileError);
    const message = (error as Error).message;
    expect(message).toContain('robot-config/test/params.yaml');
    expect(message).toContain('telemetry.ros__parameters.people.tom.consent');
    expect(message).toMatch(/"nothing", "state_mood", "summaries", "transcripts"/);
    expect(message).toMatch(/Fix:/);
  });

  it('refuses a listed person without a display name, and unusable ids', () => {
    expect(
      () =>
        new ConsentProfile(
          nodeFrom(PROFILE.replace('display_name: Tom Reyes', 'other_names: [T]')),
        ),
    ).toThrow(/people\.tom\.display_name.*Fix: add `display_name/);
    expect(
      () => new ConsentProfile(nodeFrom(PROFILE.replace('[margaret, tom]', '[margaret, "Tom R"]'))),
    ).toThrow(ConsentProfileError);
    expect(
      () =>
        new ConsentProfile(nodeFrom(PROFILE.replace('[margaret, tom]', '[margaret, tom, tom]'))),
    ).toThrow(/listed twice/);
  });

  it('applies consent changes at once, and refuses a new list of people while running', () => {
    const node = nodeFrom(PROFILE);
    const consent = new ConsentProfile(node);
    let changes = 0;
    consent.onChange(() => (changes += 1));
    expect(node.setParameters({ 'people.margaret.consent': 'nothing' })[0]?.successful).toBe(true);
    expect(consent.levelFor('margaret')).toBe('nothing');
    expect(node.setParameters({ 'consent.current_person': 'tom' })[0]?.successful).toBe(true);
    expect(consent.currentPerson).toBe('tom');
    expect(node.setParameters({ 'people.tom.consent': '' })[0]?.successful).toBe(true);
    expect(consent.levelFor('tom')).toBe('state_mood');
    expect(node.setParameters({ 'consent.default': 'summaries' })[0]?.successful).toBe(true);
    expect(consent.levelFor('tom')).toBe('summaries');
    expect(node.setParameters({ 'people.tom.other_names': ['Tommy'] })[0]?.successful).toBe(true);
    expect(consent.redactor.redact('Tommy came')).toBe('[NAME] came');
    expect(changes).toBe(5);
    const [refused] = node.setParameters({ 'people.ids': ['margaret'] });
    expect(refused).toMatchObject({ successful: false, reason: expect.stringMatching(/restart/) });
    expect(node.setParameters({ 'consent.default': 'all' })[0]?.successful).toBe(false);
  });

  it('an option for the default wins over the file', () => {
    const consent = new ConsentProfile(nodeFrom(PROFILE), { defaultLevel: 'nothing' });
    expect(consent.levelFor('someone')).toBe('nothing');
  });

  it('accepts the consent part of every robot profile in robot-config', () => {
    const root = fileURLToPath(new URL('../../../robot-config/', import.meta.url));
    const robots = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(robots.length).toBeGreaterThan(0);
    for (const robot of robots) {
      const transport = createInProcessTransport({
        logger: { capture: new LogCapture() },
        parameters: loadParametersFile(`${root}${robot.name}/params.yaml`),
      });
      const consent = new ConsentProfile(transport.createNode('telemetry'));
      expect(consent.levelFor(consent.currentPerson)).toBe('state_mood');
    }
  });
});
