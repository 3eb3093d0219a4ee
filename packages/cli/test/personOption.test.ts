// `hearth start --person ID` and `hearth chat --person ID`: who is with the robot in the
// simulator, as the telemetry node's consent.current_person (ros4hri tracks nobody there).
import { describe, expect, it } from '@jest/globals';
import { InvalidArgumentError } from 'commander';
import { paramOverrides } from '../src/commands/paramOption.js';
import { personOption, withPerson } from '../src/program/optionParsers.js';

describe('--person ID', () => {
  it('sets telemetry.consent.current_person, over a --param that sets it too', () => {
    const options = withPerson({
      person: 'margaret',
      param: ['telemetry.consent.current_person=tom', 'llm.threads=1'],
    });
    expect(paramOverrides(options.param)).toEqual({
      telemetry: { 'consent.current_person': 'margaret' },
      llm: { threads: 1 },
    });
    // An id of digits stays a string (the parameter is one).
    expect(
      paramOverrides(withPerson<{ person?: string; param?: string[] }>({ person: '42' }).param),
    ).toEqual({
      telemetry: { 'consent.current_person': '42' },
    });
    expect(withPerson({ param: ['llm.threads=1'] })).toEqual({ param: ['llm.threads=1'] });
  });

  it("refuses what cannot be a profile's person id, saying the form", () => {
    expect(personOption('ana-2')).toBe('ana-2');
    expect(() => personOption('Ana Silva')).toThrow(InvalidArgumentError);
    expect(() => personOption('Ana Silva')).toThrow(/people\.ids.*"Ana Silva"/);
  });
});
