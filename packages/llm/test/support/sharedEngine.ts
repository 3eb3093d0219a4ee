import { afterAll, beforeAll } from '@jest/globals';
import { LlamaEngine } from '../../src/engine/LlamaEngine.js';
import { writeTestModel, type TestModelDir } from './testModel.js';

/** The engine a describe block shares; read `engine` inside tests, after beforeAll has run. */
export interface SharedEngine {
  readonly engine: LlamaEngine;
}

/**
 * Loads one LlamaEngine on the tiny test model for the enclosing describe block (one thread, as
 * the machine is shared) and disposes it with the model's temp dir after the block.
 */
export function useSharedEngine(contextSize = 1024): SharedEngine {
  let model: TestModelDir | undefined;
  let engine: LlamaEngine | undefined;
  beforeAll(async () => {
    model = await writeTestModel();
    engine = await LlamaEngine.load({ modelPath: model.modelPath, threads: 1, contextSize });
  });
  afterAll(async () => {
    await engine?.dispose();
    model?.remove();
  });
  return {
    get engine(): LlamaEngine {
      if (engine === undefined) throw new Error('useSharedEngine: engine read before beforeAll');
      return engine;
    },
  };
}
