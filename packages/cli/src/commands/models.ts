import { makeTestModel, type TestModelQuantization } from '@hearth/gguf';
import { CliError } from '../errors.js';

const quantizations: readonly TestModelQuantization[] = ['F32', 'Q8_0', 'Q4_0'];

/** `hearth models make-test`: the tiny test model (real GGUF, meaningless weights). */
export async function makeTestCommand(
  options: { out: string; quantization: string; seed: string },
  out: NodeJS.WritableStream,
): Promise<number> {
  const quantization = quantizations.find((q) => q === options.quantization.toUpperCase());
  if (quantization === undefined) {
    throw new CliError(
      `--quantization must be one of ${quantizations.join(', ')}, got "${options.quantization}".`,
    );
  }
  const seed = Number(options.seed);
  if (!Number.isInteger(seed))
    throw new CliError(`--seed must be an integer, got "${options.seed}".`);
  await makeTestModel({ outPath: options.out, quantization, seed });
  out.write(`Wrote the tiny test model (${quantization}) to ${options.out}\n`);
  return 0;
}
