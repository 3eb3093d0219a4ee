/**
 * The ROS 2 launch files cannot run here (no ROS 2), so this checks what can be checked without
 * it: every node of the graph is launched exactly once, through a command the CLI knows, with
 * the robot's parameters file, and every launch argument is described.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { graphNodeOrder } from '../packages/cli/src/graph/nodeFactories.js';
import { interrupt, repoRoot, startHearth } from './support/hearthCli.js';

function read(name: string): string {
  return readFileSync(join(repoRoot, 'launch', name), 'utf8');
}

function attributes(xml: string, tag: string): Array<Record<string, string>> {
  return [...xml.matchAll(new RegExp(`<${tag}\\s([^>]*?)/?>`, 'gs'))].map((match) =>
    Object.fromEntries([...match[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  );
}

describe.each(['hearth.launch.xml', 'hearth_composed.launch.xml'])('%s', (file) => {
  const xml = read(file);

  it('describes every argument and defaults the parameters file to the robot profile', () => {
    const args = attributes(xml, 'arg');
    for (const arg of args) expect(arg.description?.length ?? 0).toBeGreaterThan(10);
    const params = args.find((a) => a.name === 'params_file');
    expect(params?.default).toBe('$(dirname)/../robot-config/$(var robot)/params.yaml');
    const robot = args.find((a) => a.name === 'robot')?.default ?? '';
    expect(existsSync(join(repoRoot, 'robot-config', robot, 'params.yaml'))).toBe(true);
  });

  it('runs on the ROS 2 transport with the parameters file, and respawns', () => {
    expect(xml).toContain('<set_env name="HEARTH_TRANSPORT" value="ros2"/>');
    for (const exe of attributes(xml, 'executable')) {
      expect(exe.cmd).toContain('--ros-args --params-file $(var params_file)');
      expect(exe.respawn).toBe('true');
    }
  });
});

it('launches every node of the graph once, each in its own process', () => {
  const commands = attributes(read('hearth.launch.xml'), 'executable').map((e) => e.cmd ?? '');
  const launched = commands.map((cmd) => /\bnode (\w+) --ros-args/.exec(cmd)?.[1]);
  expect([...launched].sort()).toEqual([...graphNodeOrder].sort());
});

it('composes every node in one process', () => {
  const commands = attributes(read('hearth_composed.launch.xml'), 'executable').map(
    (e) => e.cmd ?? '',
  );
  expect(commands).toHaveLength(1);
  expect(commands[0]).toMatch(/ graph --ros-args/);
});

describe('the commands the launch files run', () => {
  it.each(graphNodeOrder.map((name) => [name]))(
    '`hearth node %s` starts alone with the robot profile and stops on Ctrl-C',
    async (name) => {
      const running = await startHearth(
        ['node', name, '--ros-args', '--params-file', 'robot-config/default/params.yaml'],
        new RegExp(`Node ${name} running on the in-process transport`),
      );
      expect(await interrupt(running.child)).toBe(0);
    },
    60_000,
  );

  it('`hearth graph` composes every node and stops on Ctrl-C', async () => {
    const running = await startHearth(
      ['graph', '--ros-args', '--params-file', 'robot-config/default/params.yaml'],
      /Hearth graph running on the in-process transport/,
    );
    expect(running.stderr()).not.toMatch(/no node \/\w+ is running/);
    expect(await interrupt(running.child)).toBe(0);
  }, 60_000);
});
