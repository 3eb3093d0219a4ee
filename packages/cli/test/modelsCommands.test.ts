import { describe, expect, it } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { makeTestCommand } from '../src/commands/models.js';
import { modelsListCommand } from '../src/commands/modelsList.js';
import { modelsPullCommand } from '../src/commands/modelsPull.js';
import { modelsVerifyCommand } from '../src/commands/modelsVerify.js';

function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('hearth models commands', () => {
  it('make-test writes the tiny model into the models folder and verify summarizes it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hearth-models-cmd-'));
    const made = collector();
    await makeTestCommand({ quantization: 'q4_0', seed: '1', dir }, made.stream);
    const file = join(dir, 'hearth-tiny-Q4_0.gguf');
    expect(made.text()).toContain(file);

    const verified = collector();
    await modelsVerifyCommand(file, {}, verified.stream);
    expect(verified.text()).toMatch(/^architecture\s+llama$/m);
    expect(verified.text()).toMatch(/^quantization\s+Q4_0$/m);

    const listed = collector();
    await modelsListCommand({ dir }, listed.stream);
    expect(listed.text()).toMatch(
      /^qwen2\.5-0\.5b-instruct\s+494M\s+Q4_K_M\s+398 MB\s+yes\s+Apache-2\.0\s+-$/m,
    );
    expect(listed.text()).toMatch(
      /Other GGUF files in the models folder:\n\s+hearth-tiny-Q4_0\.gguf/,
    );

    const json = collector();
    await modelsListCommand({ dir, json: true }, json.stream);
    const parsed = JSON.parse(json.text()) as {
      dir: string;
      models: { name: string; state: string }[];
    };
    expect(parsed.dir).toBe(dir);
    expect(parsed.models.every((model) => model.state === 'absent')).toBe(true);
  });

  it('make-test refuses an unknown shape or a shape quantization it cannot write', async () => {
    const out = collector();
    await expect(
      makeTestCommand(
        { quantization: 'Q4_0', seed: '1', shape: 'llama-70b', out: '/tmp/x.gguf' },
        out.stream,
      ),
    ).rejects.toThrow(/--shape must be one of qwen2\.5-0\.5b, qwen2\.5-1\.5b, phi-3-mini/);
    await expect(
      makeTestCommand(
        { quantization: 'F32', seed: '1', shape: 'phi-3-mini', out: '/tmp/x.gguf' },
        out.stream,
      ),
    ).rejects.toThrow(/must be Q4_0 or Q8_0/);
  });

  it('pull refuses a registry model without a checksum, saying why and what to do', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hearth-models-cmd-'));
    const registry = join(dir, 'registry.yaml');
    await writeFile(
      registry,
      JSON.stringify({
        version: 1,
        models: [
          {
            name: 'unchecked',
            description: 'no checksum',
            url: 'http://127.0.0.1:9/unchecked.gguf',
            file: 'unchecked.gguf',
            size_bytes: null,
            sha256: null,
            licence: 'MIT',
            chat_template: 'chatml',
            context_length: 2048,
            quantization: 'Q4_0',
            parameters: '1M',
          },
        ],
      }),
    );
    const out = collector();
    await expect(modelsPullCommand('unchecked', { registry, dir }, out.stream)).rejects.toThrow(
      /unchecked has no SHA-256 in .*registry\.yaml.*--insecure-skip-checksum/,
    );
  });
});
