import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from '@jest/globals';

import { createInProcessTransport, LogCapture, parseRosArgs, runNodeMain } from '../src/index.js';
import { defaultTransportKind } from '../src/main/runNodeMain.js';

describe('parseRosArgs', () => {
  it('reads --params-file inside --ros-args and keeps other ROS arguments for rclnodejs', () => {
    expect(
      parseRosArgs([
        '--verbose',
        '--ros-args',
        '--params-file',
        'p.yaml',
        '-r',
        '__ns:=/robot',
        '--',
        'x',
      ]),
    ).toEqual({
      paramsFile: 'p.yaml',
      rosArgs: ['--ros-args', '-r', '__ns:=/robot'],
      appArgs: ['--verbose', 'x'],
    });
    expect(parseRosArgs(['--params-file=a.yaml']).paramsFile).toBe('a.yaml');
  });

  it('picks ros2 only when ROS_DISTRO is set and HEARTH_TRANSPORT does not say otherwise', () => {
    expect(defaultTransportKind({})).toBe('in-process');
    expect(defaultTransportKind({ ROS_DISTRO: 'jazzy' })).toBe('ros2');
    expect(defaultTransportKind({ ROS_DISTRO: 'jazzy', HEARTH_TRANSPORT: 'in-process' })).toBe(
      'in-process',
    );
  });
});

describe('runNodeMain', () => {
  it('creates the node with the parameters file, and stop() disposes it and shuts down', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-main-'));
    const paramsFile = join(dir, 'params.yaml');
    writeFileSync(paramsFile, 'tts:\n  ros__parameters:\n    rate: 150\n');
    let disposed = false;
    const running = await runNodeMain({
      name: 'tts',
      argv: ['--ros-args', '--params-file', paramsFile],
      env: {},
      transport: createInProcessTransport({ logger: { capture: new LogCapture() } }),
      create: (node, { parameters }) => ({
        rate: node.declareParameter('rate', 175),
        file: parameters?.path,
        dispose: () => {
          disposed = true;
        },
      }),
    });
    expect(running.node.file).toBe(paramsFile);
    await running.stop();
    await running.stop();
    expect(disposed).toBe(true);
  });
});
