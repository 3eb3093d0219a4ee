/**
 * Every robot profile's params.yaml names only parameters its nodes declare: the whole graph is
 * composed from each (as `hearth start --robot NAME` does) and must report no unused key, the
 * warning a typo or a stale parameter would print at start.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogCapture } from '@hearth/graph';
import { composeGraph } from '../src/graph/composeGraph.js';
import { loadRobotProfile, robotConfigDir } from '../src/robotProfile.js';

const profiles = (await readdir(robotConfigDir(), { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('robot profiles', () => {
  let dir: string;
  let home: string | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hearth-profiles-'));
    // The telemetry node keeps its outbox under HOME: keep it out of the real one.
    home = process.env.HOME;
    process.env.HOME = dir;
  });

  afterAll(async () => {
    process.env.HOME = home;
    await rm(dir, { recursive: true, force: true });
  });

  it('are the default humanoid and the real robots', () => {
    expect(profiles).toEqual(expect.arrayContaining(['default', 'pepper', 'qtrobot']));
  });

  it.each(profiles)(
    '%s: every key in params.yaml is a parameter its node declares',
    async (name) => {
      const profile = loadRobotProfile(name);
      const graph = await composeGraph({
        profile,
        audioDir: join(dir, name),
        overrides: { llm: { model_path: 'none' } },
        logger: { capture: new LogCapture() },
        ...(process.env.HEARTH_TEST_MOSQUITTO_URL === undefined
          ? {}
          : { mqttUrl: process.env.HEARTH_TEST_MOSQUITTO_URL }),
      });
      try {
        expect(graph.warnings).toEqual([]);
      } finally {
        await graph.dispose();
      }
    },
  );
});
