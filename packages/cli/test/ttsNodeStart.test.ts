/** The tts node's start check: espeak-ng's binary is needed only when libespeak-ng is not. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createInProcessTransport, type GraphTransport } from '@hearth/graph';
import { DEFAULT_GESTURES_FILE } from '@hearth/gesture';
import { NodeNames } from '@hearth/interfaces';
import { EspeakEngine, EspeakNotFoundError } from '@hearth/tts';
import { nodeFactories } from '../src/graph/nodeFactories.js';

describe('nodeFactories: tts start check', () => {
  const savedLibrary = process.env.HEARTH_LIBESPEAK_NG;
  let dir: string;
  let transport: GraphTransport;
  /**
   * The binary check, standing in for an espeak-ng that is not installed (jest's copy of the
   * environment cannot take it off the PATH that spawn reads).
   */
  const spyOnVersion = () =>
    jest
      .spyOn(EspeakEngine.prototype, 'version')
      .mockRejectedValue(new EspeakNotFoundError('espeak-ng'));
  let version: ReturnType<typeof spyOnVersion>;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hearth-tts-start-'));
    transport = createInProcessTransport();
    version = spyOnVersion();
  });

  afterEach(async () => {
    version.mockRestore();
    if (savedLibrary === undefined) delete process.env.HEARTH_LIBESPEAK_NG;
    else process.env.HEARTH_LIBESPEAK_NG = savedLibrary;
    await transport.shutdown();
    await rm(dir, { recursive: true, force: true });
  });

  const start = () =>
    nodeFactories[NodeNames.tts](transport.createNode(NodeNames.tts), {
      profileDir: dir,
      audioDir: dir,
      gesturesFile: DEFAULT_GESTURES_FILE,
    });

  it('starts on a robot with libespeak-ng, without asking for the espeak-ng binary', async () => {
    delete process.env.HEARTH_LIBESPEAK_NG;
    const created = await start();
    expect(version).not.toHaveBeenCalled();
    await ('notices' in created ? created.node : created).dispose();
  });

  it('checks the binary, and names the fix, when the library cannot be loaded', async () => {
    process.env.HEARTH_LIBESPEAK_NG = join(dir, 'libespeak-ng.so.1');
    await expect(start()).rejects.toBeInstanceOf(EspeakNotFoundError);
    expect(version).toHaveBeenCalledTimes(1);
  });
});
