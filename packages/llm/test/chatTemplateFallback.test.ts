// A GGUF without its own chat template (as older conversions are) gets the configured family's
// format, or the model registry's, on the real tiny model; the file's own template wins.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogCapture, createInProcessTransport, type GraphNode } from '@hearth/graph';
import { makeTestModel } from '@hearth/gguf';
import { registryChatTemplate } from '../src/chat/registryChatTemplate.js';
import { LlamaEngine } from '../src/engine/LlamaEngine.js';
import { FallbackResponder } from '../src/fallback/FallbackResponder.js';
import type { EngineConfig } from '../src/LlmParameters.js';
import { loadReplyEngine } from '../src/loadReplyEngine.js';

const sampling = { maxTokens: 4, seed: 1 };

let dir: string;
let bare: string;
let withTemplate: string;
let registryFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-template-'));
  bare = join(dir, 'bare-chat.gguf');
  withTemplate = join(dir, 'with-template.gguf');
  await makeTestModel({ outPath: bare, chatTemplate: null });
  await makeTestModel({ outPath: withTemplate });
  registryFile = join(dir, 'registry.yaml');
  writeFileSync(
    registryFile,
    [
      'version: 1',
      'models:',
      '  - name: bare-chat',
      '    description: a test entry',
      '    url: https://example.org/bare-chat.gguf',
      '    file: bare-chat.gguf',
      '    size_bytes: null',
      '    sha256: null',
      '    licence: Apache-2.0',
      '    chat_template: llama2',
      '    context_length: 2048',
      '    quantization: Q8_0',
      '    parameters: 1M',
      '',
    ].join('\n'),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the model was fed: the session's KV cache after one short turn. */
async function promptText(engine: LlamaEngine): Promise<string> {
  await engine.generate({ sessionId: 's', userText: 'Hello there' }, { sampling });
  return engine.sessionCachedText('s');
}

function config(modelPath: string, chatTemplate: string): EngineConfig {
  return {
    modelPath,
    threads: 1,
    contextSize: 512,
    maxSessions: 1,
    chatTemplate,
    loraPath: '',
    loraScale: 1,
    modelProcess: 'inline',
    memoryLimitMb: 0,
    memoryMarginMb: 0,
  };
}

function graphNode(): { node: GraphNode; capture: LogCapture; stop: () => Promise<void> } {
  const capture = new LogCapture();
  const transport = createInProcessTransport({ logger: { capture, level: 'debug' } });
  return { node: transport.createNode('llm'), capture, stop: () => transport.shutdown() };
}

describe('a GGUF without a chat template', () => {
  it('is prompted in the configured family’s format', async () => {
    const engine = await LlamaEngine.load({
      modelPath: bare,
      threads: 1,
      contextSize: 512,
      chatTemplate: 'llama2',
    });
    try {
      const text = await promptText(engine);
      expect(text).toContain('[INST]');
      expect(text).toContain('Hello there');
      expect(text).not.toContain('<|im_start|>');
    } finally {
      await engine.dispose();
    }
  });

  it('keeps the file’s own template when it has one', async () => {
    const engine = await LlamaEngine.load({
      modelPath: withTemplate,
      threads: 1,
      contextSize: 512,
      chatTemplate: 'llama2',
    });
    try {
      const text = await promptText(engine);
      expect(text).toContain('<|im_start|>');
      expect(text).toContain('Hello there<|im_end|>');
      expect(text).not.toContain('[INST]');
    } finally {
      await engine.dispose();
    }
  });

  it('finds the family in the model registry by file name', async () => {
    expect(await registryChatTemplate(bare, { registryFile })).toBe('llama2');
    expect(await registryChatTemplate(withTemplate, { registryFile })).toBe('');
    const errors: string[] = [];
    expect(
      await registryChatTemplate(bare, {
        registryFile: join(dir, 'missing.yaml'),
        onError: (m) => errors.push(m),
      }),
    ).toBe('');
    expect(errors[0]).toContain('missing.yaml');
  });

  it('gets the registry’s family when the chat_template parameter is empty', async () => {
    const previous = process.env.HEARTH_MODELS_REGISTRY;
    process.env.HEARTH_MODELS_REGISTRY = registryFile;
    const { node, stop } = graphNode();
    try {
      const engine = await loadReplyEngine(config(bare, ''), node.logger);
      expect(engine).toBeInstanceOf(LlamaEngine);
      expect(await promptText(engine as LlamaEngine)).toContain('[INST]');
      await engine.dispose();
    } finally {
      if (previous === undefined) delete process.env.HEARTH_MODELS_REGISTRY;
      else process.env.HEARTH_MODELS_REGISTRY = previous;
      await stop();
    }
  });

  it('answers from the fallback, naming the fix, when the family is unknown', async () => {
    const { node, capture, stop } = graphNode();
    try {
      const engine = await loadReplyEngine(config(bare, 'vicuna'), node.logger);
      expect(engine).toBeInstanceOf(FallbackResponder);
      const errors = capture.linesOf('llm', 'error').map((r) => r.msg);
      expect(errors.join('\n')).toMatch(/Unknown chat template family "vicuna".*chatml/);
    } finally {
      await stop();
    }
  });
});
