// A LoRA adapter listed under the loaded model's registry entry starts at the adapter's
// default_scale unless lora_scale was set; the tiny model and adapter are generated here and
// registered in a temp registry.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LogCapture, createInProcessTransport } from '@hearth/graph';
import { join } from 'node:path';
import { LlamaEngine } from '../src/engine/LlamaEngine.js';
import { LlmNode } from '../src/LlmNode.js';
import { InvalidLoraScaleError } from '../src/errors/InvalidLoraScaleError.js';
import { LlmParameters, type EngineConfig } from '../src/LlmParameters.js';
import { loadReplyEngine } from '../src/loadReplyEngine.js';
import { writeTestLora } from './support/testLora.js';
import { writeTestModel, type TestModelDir } from './support/testModel.js';
import {
  restoreRegistryEnvAfterAll,
  sha256Of,
  testEngineConfig,
  writeTestRegistry,
} from './support/testRegistry.js';

let model: TestModelDir;
let loraPath: string;
restoreRegistryEnvAfterAll();

const config = (loraScale: number | undefined): EngineConfig =>
  testEngineConfig(model.modelPath, { contextSize: 256, loraPath, loraScale });

/** The scale the adapter runs at, and the info line that says so at load. */
async function loadedScale(
  loraScale: number | undefined,
): Promise<{ scale: number | undefined; logged: string | undefined }> {
  const capture = new LogCapture();
  const transport = createInProcessTransport({ logger: { capture } });
  const engine = await loadReplyEngine(config(loraScale), transport.createNode('llm').logger);
  try {
    expect(engine).toBeInstanceOf(LlamaEngine);
    const logged = capture
      .linesOf('llm', 'info')
      .map((line) => line.msg)
      .find((msg) => msg.startsWith('LoRA adapter'));
    return { scale: (engine as LlamaEngine).loraScale, logged };
  } finally {
    await engine.dispose();
    await transport.shutdown();
  }
}

beforeAll(async () => {
  model = await writeTestModel();
  loraPath = join(model.dir, 'tiny-lora.gguf');
  await writeTestLora(loraPath);
  writeTestRegistry(join(model.dir, 'registry.yaml'), [
    {
      name: 'tiny-registered',
      file: 'tiny.gguf',
      // The real SHA-256: load checks it, and a wrong one would leave the node on the fallback.
      sha256: sha256Of(model.modelPath),
      extra: [
        '    adapters:',
        '      - name: tiny-warm',
        '        url: https://example.org/tiny-lora.gguf',
        '        file: tiny-lora.gguf',
        '        size_bytes: null',
        `        sha256: ${'cd'.repeat(32)}`,
        '        licence: Apache-2.0',
        '        default_scale: 0.5',
      ],
    },
  ]);
});

afterAll(() => {
  model?.remove();
});

describe('registry adapter default_scale', () => {
  it('starts a registry adapter at its default_scale when lora_scale is not set', async () => {
    const { scale, logged } = await loadedScale(undefined);
    expect(scale).toBe(0.5);
    expect(logged).toBe(
      `LoRA adapter ${loraPath} runs at scale 0.5 (the registry adapter's default_scale: lora_scale is -1).`,
    );
  });

  it('keeps an explicitly set lora_scale, 1 included', async () => {
    expect((await loadedScale(2)).scale).toBe(2);
    const one = await loadedScale(1);
    expect(one.scale).toBe(1);
    expect(one.logged).toBe(`LoRA adapter ${loraPath} runs at scale 1 (lora_scale).`);
  });

  it('reads lora_scale -1 (the default) as not set and an explicit 1 as set', () => {
    const transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
    const unset = new LlmParameters(transport.createNode('llm_default'));
    expect(unset.loraScale()).toBe(-1);
    expect(unset.engineConfig().loraScale).toBeUndefined();
    const node = transport.createNode('llm_one', { parameterOverrides: { lora_scale: 1 } });
    expect(new LlmParameters(node).engineConfig().loraScale).toBe(1);
    void transport.shutdown();
  });

  it('goes back to the registry default_scale when lora_scale is set to -1 at runtime', async () => {
    const capture = new LogCapture();
    const transport = createInProcessTransport({ logger: { capture } });
    const node = transport.createNode('llm', {
      parameterOverrides: {
        model_path: model.modelPath,
        lora_path: loraPath,
        model_process: 'inline',
        threads: 1,
        context_size: 256,
      },
    });
    const llm = await LlmNode.create(node);
    await llm.modelReady; // in case no earlier test left the verified marker
    const engine = llm.engine as LlamaEngine;
    const changed = async (message: string): Promise<void> => {
      for (let wait = 0; wait < 100; wait += 1) {
        if (capture.linesOf('llm', 'info').some((line) => line.msg === message)) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`No log line "${message}"`);
    };
    try {
      expect(engine.loraScale).toBe(0.5);
      node.setParameters({ lora_scale: 2 });
      await changed('LoRA scale is now 2.');
      expect(engine.loraScale).toBe(2);
      node.setParameters({ lora_scale: -1 });
      await changed('LoRA scale is now 0.5.');
      expect(engine.loraScale).toBe(0.5);
    } finally {
      await llm.dispose();
      await transport.shutdown();
    }
  });

  it('refuses a lora_scale between -1 and 0 at start, naming the accepted values', () => {
    const transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
    const node = transport.createNode('llm_bad', { parameterOverrides: { lora_scale: -0.5 } });
    expect(() => new LlmParameters(node).validateLoraScale()).toThrow(InvalidLoraScaleError);
    void transport.shutdown();
  });
});
