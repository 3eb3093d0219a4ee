import { afterAll, beforeAll } from '@jest/globals';
import { LlamaEngine, type LlamaEngineOptions } from '../../src/engine/LlamaEngine.js';
import { writeTestModel, type TestModelDir } from './testModel.js';

/** The engine a describe block shares; read `engine` inside tests, after beforeAll has run. */
export interface SharedEngine {
  readonly engine: LlamaEngine;
}

/** Load options for the shared engine: a context size, or any LlamaEngine options but the model. */
export type SharedEngineOptions = number | Omit<LlamaEngineOptions, 'modelPath'>;

/**
 * Loads one LlamaEngine on the tiny test model for the enclosing describe block (one thread, as
 * the machine is shared, and a 1024-token context unless given) and disposes it with the model's
 * temp dir after the block.
 */
export function useSharedEngine(options: SharedEngineOptions = {}): SharedEngine {
  const load = typeof options === 'number' ? { contextSize: options } : options;
  let model: TestModelDir | undefined;
  let engine: LlamaEngine | undefined;
  beforeAll(async () => {
    model = await writeTestModel();
    engine = await LlamaEngine.load({
      threads: 1,
      contextSize: 1024,
      ...load,
      modelPath: model.modelPath,
    });
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
