#!/usr/bin/env node
/**
 * The hearth command. Each subcommand lives in commands/; this file only declares the options
 * and hands over. Failures print one actionable line (see errors.ts), never a stack trace.
 */
import { Command, Option } from 'commander';
import { chatCommand } from './commands/chat.js';
import { addUserCommand, dashboardCommand } from './commands/dashboard.js';
import { sftCommand } from './commands/data.js';
import { evalCommand } from './commands/eval.js';
import { registerGestureCommand } from './commands/gesture.js';
import { makeTestCommand } from './commands/models.js';
import { modelsListCommand } from './commands/modelsList.js';
import { modelsPullCommand } from './commands/modelsPull.js';
import { modelsVerifyCommand } from './commands/modelsVerify.js';
import { benchCommand } from './bench/benchCommand.js';
import { graphCommand, nodeCommand } from './commands/runNodes.js';
import { parsePort } from './commands/services.js';
import { startCommand } from './commands/start.js';
import { collectParam } from './commands/paramOption.js';
import { wakewordDetectCommand, wakewordEnrollCommand } from './commands/wakeword.js';
import { runCommand } from './errors.js';
import { registerSafetyCommand } from './commands/safety.js';

const program = new Command('hearth')
  .description('Hearth: a ROS 2 runtime for robot companions that give emotional support')
  .showHelpAfterError();

const port = (option: string) => (value: string) => parsePort(value, option);

program
  .command('start')
  .description(
    'run the simulator: every node, the web console, the care dashboard and an MQTT broker',
  )
  .option(
    '--robot <dir|file>',
    'robot profile: a folder under robot-config/ or a params.yaml',
    'default',
  )
  .option(
    '--model <file|none>',
    'GGUF model for replies; "none" answers from the fallback responder',
  )
  .option('--mqtt <url>', 'use this MQTT broker instead of the embedded one')
  .option('--mqtt-port <port>', "the embedded broker's port", port('--mqtt-port'), 1883)
  .option('--port <port>', "the web console's port", port('--port'), 8080)
  .option('--dashboard-port <port>', "the care dashboard's port", port('--dashboard-port'), 8081)
  .option('--host <address>', 'address the servers listen on', '127.0.0.1')
  .option('--audio-dir <dir>', 'where the robot’s speech is written')
  .option(
    '--param <node.name=value>',
    'set a node parameter for this run (repeatable)',
    collectParam,
    [],
  )
  .action((options) => runCommand(() => startCommand(options, process.stdout)));

program
  .command('chat')
  .description(
    "talk to the robot from the terminal: stdin is the person's voice, one utterance per line, with /wait MS, /interrupt and /silence MS between them",
  )
  .option('--json', 'print one JSON object per turn', false)
  .option(
    '--model <file|none>',
    'GGUF model for replies; "none" answers from the fallback responder',
  )
  .option(
    '--robot <dir|file>',
    'robot profile: a folder under robot-config/ or a params.yaml',
    'default',
  )
  .option('--mqtt <url>', 'publish telemetry to this broker instead of an embedded one')
  .option(
    '--audio-dir <dir>',
    'where the spoken replies are written (default: a new temporary folder)',
  )
  .option(
    '--realtime',
    'wait for each reply’s real playing time, as a robot with a speaker would',
    false,
  )
  .addOption(
    new Option('--turn-timeout <ms>', 'give up on a reply after this long')
      .default(120000)
      .argParser((value) => Number(value)),
  )
  .option(
    '--param <node.name=value>',
    'set a node parameter for this run (repeatable)',
    collectParam,
    [],
  )
  .action((options) => runCommand(() => chatCommand(options, process.stdin, process.stdout)));

const models = program.command('models').description('manage language models');
const registryOption = [
  '--registry <file>',
  'model registry (default: $HEARTH_MODELS_REGISTRY, else models/registry.yaml)',
] as const;
const dirOption = [
  '--dir <dir>',
  'models folder (default: $HEARTH_MODELS_DIR, else ~/.cache/hearth/models)',
] as const;
models
  .command('list')
  .description("the registry's models and which are installed")
  .option(...registryOption)
  .option(...dirOption)
  .option('--json', 'print one JSON object', false)
  .action((options) => runCommand(() => modelsListCommand(options, process.stdout)));
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
      .argParser((value) => Number(value)),
  )
  .action((name: string, options) =>
    runCommand(() => modelsPullCommand(name, options, process.stdout)),
  );
models
  .command('verify')
  .description("check a GGUF file's header, tensor table and size without loading it")
  .argument('<file>', 'a GGUF file')
  .option('--json', 'print the summary as JSON', false)
  .action((file: string, options) =>
    runCommand(() => modelsVerifyCommand(file, options, process.stdout)),
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
  .action((options) => runCommand(() => makeTestCommand(options, process.stdout)));

program
  .command('bench')
  .description(
    "benchmark decoding, time to first token and Hearth's overhead on a shape model (results in bench-results/)",
  )
  .option('--shape <name>', 'qwen2.5-0.5b, qwen2.5-1.5b or phi-3-mini', 'qwen2.5-0.5b')
  .option('--quantization <type>', 'Q4_0 or Q8_0', 'Q4_0')
  .addOption(
    new Option('--turns <n>', 'turns in the conversation (time to first token at turn 1 and N)')
      .default(20)
      .argParser((value) => Number(value)),
  )
  .addOption(
    new Option('--threads <n>', 'CPU threads (default: physical cores)').argParser((value) =>
      Number(value),
    ),
  )
  .option('--quick', 'fewer tokens and turns: a smoke run in about a minute', false)
  .option('--out <dir>', 'where results are written', 'bench-results')
  .option(...dirOption)
  .action((options) => runCommand(() => benchCommand(options, process.stdout, process.stderr)));

const wakeword = program
  .command('wakeword')
  .description('the offline wake word: enroll a phrase, detect it in recordings');
wakeword
  .command('enroll')
  .description('make a template file from 3 to 5 WAV recordings of the wake phrase')
  .requiredOption('--out <file>', 'where to write the template file (JSON)')
  .option('--phrase <text>', 'the phrase the recordings say', 'hey hearth')
  .argument('<wav...>', 'the recordings (any PCM WAV; converted to 16 kHz mono)')
  .action((files: string[], options) =>
    runCommand(() => wakewordEnrollCommand(files, options, process.stdout)),
  );
wakeword
  .command('detect')
  .description('find the enrolled phrase in WAV files: time and score of each detection')
  .requiredOption('--model <file>', 'a template file from `hearth wakeword enroll`')
  .option('--json', 'print one JSON object per file', false)
  .option('--threshold <score>', 'detection score needed, 0 to 1')
  .option('--refractory-ms <ms>', 'no second detection for this long after one')
  .argument('<wav...>', 'the recordings to search')
  .action((files: string[], options) =>
    runCommand(() => wakewordDetectCommand(files, options, process.stdout)),
  );

const dashboard = program
  .command('dashboard')
  .description('run the care dashboard alone, with its SQLite store (add users with add-user)')
  .option('--mqtt <url>', "the robots' MQTT broker", 'mqtt://127.0.0.1:1883')
  .option('--port <port>', 'HTTP port', port('--port'), 8081)
  .option(
    '--host <address>',
    'address to listen on (beyond 127.0.0.1 only once users exist)',
    '127.0.0.1',
  )
  .option('--db <file>', 'SQLite file (default: ~/.local/share/hearth/dashboard.sqlite)')
  .option('--secure-cookies', 'mark the login cookie Secure (behind a TLS proxy)', false)
  .action((options) => runCommand(() => dashboardCommand(options, process.stdout)));
dashboard
  .command('add-user')
  .description('add a caregiver or admin account; the password is read from the terminal or stdin')
  .argument('<name>', 'user name (letters, digits, . _ @ -)')
  .option('--role <role>', 'caregiver or admin', 'caregiver')
  .option('--db <file>', 'SQLite file (default: ~/.local/share/hearth/dashboard.sqlite)')
  .action((name: string, options) =>
    runCommand(() =>
      // --db may come before or after add-user: commander gives it to the parent when before.
      addUserCommand(
        name,
        { ...options, db: options.db ?? dashboard.opts().db },
        process.stdin,
        process.stdout,
      ),
    ),
  );

program
  .command('node')
  .description('run one node alone (launch files use this); ROS 2 when ROS_DISTRO is set')
  .argument('<name>', 'wake_word, stt, dialogue, llm, tts, gesture or telemetry')
  .allowUnknownOption()
  .allowExcessArguments()
  .helpOption(false)
  .action((name: string, _options, command: Command) =>
    runCommand(() => nodeCommand(name, command.args.slice(1))),
  );

program
  .command('graph')
  .description(
    'run every node composed in one process (launch files use this); ROS 2 when ROS_DISTRO is set',
  )
  .allowUnknownOption()
  .allowExcessArguments()
  .action((_options, command: Command) => runCommand(() => graphCommand(command.args)));

program
  .command('eval')
  .description(
    "score replies against ESConv/ExTES supporters' gold replies: from --predictions, or generated by --model",
  )
  .option(
    '--data <file>',
    'ESConv *_short.tsv, ESConv JSON or ExTES JSON (default: ../shared/datasets/esconv/testWithStrategy_short.tsv)',
  )
  .option('--limit <n>', 'score only the first N examples')
  .option('--model <file>', 'GGUF chat model that generates the replies')
  .option('--lora <file>', 'GGUF LoRA adapter applied to --model')
  .option(
    '--predictions <file>',
    'JSONL of {"id", "reply"} (id: 0-based example line) to score without a model',
  )
  .option(
    '--out <dir>',
    'where metrics.json, report.md, charts and the resume checkpoint go',
    '.hearth/eval',
  )
  .option(
    '--history <mode>',
    'context given to --model: full, compressed (stopwords removed) or both',
    'both',
  )
  .option('--threads <n>', 'CPU threads for the model', '2')
  .option('--context-size <n>', 'context window in tokens', '2048')
  .option('--max-tokens <n>', 'most tokens per generated reply', '128')
  .option('--temperature <t>', 'sampling temperature', '0.7')
  .option('--seed <n>', 'sampling seed, for reproducible runs', '42')
  .option('--system <prompt>', "system prompt (default: the robot's persona)")
  .option('--no-perplexity', 'skip the gold-reply perplexity')
  .option('--embedding-model <file>', 'GGUF embedding model: adds embedding similarity')
  .option(
    '--judge <file|url>',
    'LLM judge: a GGUF file, or an OpenAI-compatible base URL (key in $HEARTH_JUDGE_API_KEY)',
  )
  .option('--judge-model <name>', 'the model name to ask for at a --judge URL')
  .option('--judge-limit <n>', 'most replies per system the judge rates', '100')
  .action((options) => runCommand(() => evalCommand(options, process.stdout, process.stderr)));

const data = program.command('data').description('prepare training data');
data
  .command('sft')
  .description('ESConv/ExTES dialogues to supervised fine-tuning JSONL in a chat template')
  .requiredOption('--input <files...>', 'ESConv JSON or ExTES JSON files')
  .requiredOption('--out <dir>', 'where train.jsonl, validation.jsonl and stats.json go')
  .option('--template <name>', 'chatml, mistral, llama2 or phi3', 'chatml')
  .option('--strategy-tags', 'begin each supporter message with its [Strategy] tag', false)
  .option('--validation <fraction>', 'share of conversations held out for validation', '0.1')
  .option('--seed <n>', 'seed of the conversation split', '1')
  .option('--system <prompt>', "system prompt (default: the robot's persona)")
  .option('--history-window <n>', 'most history messages per example (0: all)', '0')
  .option('--tokenizer <file>', 'GGUF model whose tokenizer counts tokens (default: word tokens)')
  .option('--max-tokens <n>', 'report examples longer than this', '2048')
  .action((options) => runCommand(() => sftCommand(options, process.stdout)));

registerGestureCommand(program, runCommand);
registerSafetyCommand(program, runCommand);

await program.parseAsync(process.argv);
