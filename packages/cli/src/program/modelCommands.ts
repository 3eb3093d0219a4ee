/** `hearth models ...` and `hearth bench`: language models, their files and their speed. */
import { Option, type Command } from 'commander';
import { runFrom } from './commandModules.js';
import { toNumber } from './optionParsers.js';

const registryOption = [
  '--registry <file>',
  'model registry (default: $HEARTH_MODELS_REGISTRY, else models/registry.yaml)',
] as const;
const dirOption = [
  '--dir <dir>',
  'models folder (default: $HEARTH_MODELS_DIR, else ~/.cache/hearth/models)',
] as const;

export function declareModels(program: Command): void {
  const models = program.command('models').description('manage language models');
  models
    .command('list')
    .description("the registry's models and which are installed")
    .option(...registryOption)
    .option(...dirOption)
    .option('--json', 'print one JSON object', false)
    .action((options) =>
      runFrom('modelsList', (m) => m.modelsListCommand(options, process.stdout)),
    );
  models
    .command('pull')
    .description('download a registry model: progress, resume, SHA-256 check, atomic install')
    .argument('<name>', 'a name from `hearth models list`')
    .option(...registryOption)
    .option(...dirOption)
    .option(
      '--insecure-skip-checksum',
      'install a model whose registry entry has no sha256 (prints the SHA-256 computed)',
      false,
    )
    .option('--force', 'download again even when installed', false)
    .addOption(
      new Option('--retries <n>', 'reconnections after a dropped connection')
        .default(3)
        .argParser(toNumber),
    )
    .action((name: string, options) =>
      runFrom('modelsPull', (m) => m.modelsPullCommand(name, options, process.stdout)),
    );
  models
    .command('verify')
    .description("check a GGUF file's header, tensor table and size without loading it")
    .argument('<file>', 'a GGUF file')
    .option('--json', 'print the summary as JSON', false)
    .option(
      '--checksum',
      'also check the exact size and SHA-256 against the registry entry with this file name (reads the whole file)',
      false,
    )
    .option(...registryOption)
    .action((file: string, options) =>
      runFrom('modelsVerify', (m) => m.modelsVerifyCommand(file, options, process.stdout)),
    );
  models
    .command('make-test')
    .description(
      "write the tiny test model, or with --shape a real model's architecture and sizes; random weights (meaningless text)",
    )
    .option('--out <file>', 'where to write it (default: in the models folder)')
    .option('--shape <name>', 'qwen2.5-0.5b, qwen2.5-1.5b or phi-3-mini (for benchmarks)')
    .option('--quantization <type>', 'F32, Q8_0 or Q4_0 (shape models: Q4_0 or Q8_0)', 'Q8_0')
    .option('--seed <n>', 'random seed for the weights', '1')
    .option(...dirOption)
    .action((options) =>
      runFrom('modelsMakeTest', (m) => m.makeTestCommand(options, process.stdout)),
    );
}

export function declareBench(program: Command): void {
  const bench = program
    .command('bench')
    .description(
      "benchmark decoding, time to first token and Hearth's overhead on a shape model (results in bench-results/)",
    )
    .option('--shape <name>', 'qwen2.5-0.5b, qwen2.5-1.5b or phi-3-mini', 'qwen2.5-0.5b')
    .option('--quantization <type>', 'Q4_0 or Q8_0', 'Q4_0')
    .addOption(
      new Option('--turns <n>', 'turns in the conversation (time to first token at turn 1 and N)')
        .default(20)
        .argParser(toNumber),
    )
    .addOption(
      new Option('--threads <n>', 'CPU threads (default: physical cores)').argParser(toNumber),
    )
    .option(
      '--thread-counts <list>',
      'thread counts to compare, e.g. 1,2,4 ("" skips; default 1, 2 and the physical cores)',
    )
    .option('--quick', 'fewer tokens and turns: a smoke run in about a minute', false)
    .option('--out <dir>', 'where results are written', 'bench-results')
    .option(...dirOption)
    .action((options) =>
      runFrom('bench', (m) => m.benchCommand(options, process.stdout, process.stderr)),
    );
  bench
    .command('startup')
    .description(
      "time hearth's start-up with commands loaded on use against all loaded first (results in bench-results/)",
    )
    .addOption(
      new Option('--runs <n>', 'runs of each command and variant (medians)')
        .default(10)
        .argParser(toNumber),
    )
    .option('--out <dir>', 'where results are written', 'bench-results')
    .action((options) =>
      runFrom('benchStartup', (m) =>
        // --out is also bench's own: commander gives it to bench when it comes before "startup".
        m.startupBenchCommand(
          {
            ...options,
            out: bench.getOptionValueSource('out') === 'cli' ? bench.opts().out : options.out,
          },
          process.stdout,
          process.stderr,
        ),
      ),
    );
}
