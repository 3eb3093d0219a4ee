import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from '@jest/globals';

import {
  createInProcessTransport,
  loadParametersFile,
  LogCapture,
  parseParametersFile,
  ParametersFileError,
} from '../src/index.js';

const path = 'robot-config/default/params.yaml';

describe('parseParametersFile', () => {
  it('flattens nested keys with dots and keeps where each came from', () => {
    const file = parseParametersFile(
      [
        'llm:',
        '  ros__parameters:',
        '    generation:',
        '      temperature: 0.7',
        '      stop: [".", "!"]',
      ].join('\n'),
      path,
    );
    expect(file.entries).toEqual([
      {
        nodeKey: '/llm',
        name: 'generation.temperature',
        value: 0.7,
        key: 'llm.ros__parameters.generation.temperature',
        line: 4,
      },
      {
        nodeKey: '/llm',
        name: 'generation.stop',
        value: ['.', '!'],
        key: 'llm.ros__parameters.generation.stop',
        line: 5,
      },
    ]);
  });

  it('matches /** wildcards, namespaced keys and nested namespaces as rcl does, own section last', () => {
    const file = parseParametersFile(
      [
        '/**:',
        '  ros__parameters: { locale: en-US, robot: generic }',
        '/robot/llm:',
        '  ros__parameters: { robot: nao }',
        'home:',
        '  tts:',
        '    ros__parameters: { rate: 150 }',
        '/**/gesture:',
        '  ros__parameters: { profile: pepper }',
      ].join('\n'),
      path,
    );
    expect(file.overridesFor('/robot/llm')).toEqual({ locale: 'en-US', robot: 'nao' });
    expect(file.overridesFor('/llm')).toEqual({ locale: 'en-US', robot: 'generic' });
    expect(file.overridesFor('/home/tts')).toEqual({
      locale: 'en-US',
      robot: 'generic',
      rate: 150,
    });
    expect(file.overridesFor('/a/b/gesture')).toMatchObject({ profile: 'pepper' });
  });

  it.each([
    [
      'llm:\n  temperature: 0.7',
      'llm.temperature (line 2): expected `ros__parameters:` under llm before its parameters',
    ],
    ['llm: 3', 'llm (line 1): expected `ros__parameters:` under the node name'],
    [
      'llm:\n  ros__parameters:\n    temperature:',
      'llm.ros__parameters.temperature (line 3): expected a value, got nothing',
    ],
    [
      'llm:\n  ros__parameters:\n    stop: [1, "a"]',
      'llm.ros__parameters.stop (line 3): expected a boolean, number, string or a list',
    ],
    ['- llm', 'expected a mapping of node names'],
    ['llm:\n  ros__parameters: {a: 1\n', 'is not valid YAML'],
  ])('rejects %j with a message naming file, key and fix', (text, expected) => {
    let error: unknown;
    try {
      parseParametersFile(text, path);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ParametersFileError);
    const message = (error as Error).message;
    expect(message.startsWith(path)).toBe(true);
    expect(message).toContain(expected);
    expect(message).toContain('Fix: ');
  });

  it('loads from disk and names a missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-params-'));
    const file = join(dir, 'params.yaml');
    writeFileSync(file, 'tts:\n  ros__parameters:\n    rate: 180\n');
    expect(loadParametersFile(file).overridesFor('/tts')).toEqual({ rate: 180 });
    expect(() => loadParametersFile(join(dir, 'missing.yaml'))).toThrow(
      /missing\.yaml: cannot read the file .*Fix: /,
    );
  });

  it('reports keys no node declared, with a did-you-mean', async () => {
    const file = parseParametersFile(
      [
        'llm:',
        '  ros__parameters:',
        '    temprature: 0.5',
        '    top_p: 0.9',
        'ttts:',
        '  ros__parameters:',
        '    rate: 150',
      ].join('\n'),
      path,
    );
    const graph = createInProcessTransport({
      parameters: file,
      logger: { capture: new LogCapture() },
    });
    const llm = graph.createNode('llm');
    llm.declareParameter('temperature', 0.7);
    llm.declareParameter('top_p', 0.95);
    graph.createNode('tts').declareParameter('rate', 175);
    const unused = file.unusedKeys();
    expect(unused.map((u) => [u.key, u.suggestion])).toEqual([
      ['llm.ros__parameters.temprature', 'temperature'],
      ['ttts.ros__parameters.rate', '/tts'],
    ]);
    expect(unused[0]?.message).toBe(
      `${path}: llm.ros__parameters.temprature (line 3): no node declared temprature (did you mean "temperature"?)`,
    );
    await graph.shutdown();
  });
});
