#!/usr/bin/env node
/**
 * The hearth command. Each subcommand lives in commands/; this file only declares the options
 * and hands over. Failures print one actionable line (see errors.ts), never a stack trace.
 */
import { Command, Option } from 'commander';
import { chatCommand } from './commands/chat.js';
import { makeTestCommand } from './commands/models.js';
import { graphCommand, nodeCommand } from './commands/runNodes.js';
import { parsePort } from './commands/services.js';
import { startCommand } from './commands/start.js';
import { runCommand } from './errors.js';

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
  .action((options) => runCommand(() => startCommand(options, process.stdout)));

program
  .command('chat')
  .description(
    "talk to the robot from the terminal: stdin is the person's voice, one utterance per line",
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
  .action((options) => runCommand(() => chatCommand(options, process.stdin, process.stdout)));

const models = program.command('models').description('manage language models');
models
  .command('make-test')
  .description(
    'write the tiny test model: a real GGUF file with random weights (its text is meaningless)',
  )
  .requiredOption('--out <file>', 'where to write it')
  .option('--quantization <type>', 'F32, Q8_0 or Q4_0', 'Q8_0')
  .option('--seed <n>', 'random seed for the weights', '1')
  .action((options) => runCommand(() => makeTestCommand(options, process.stdout)));

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

await program.parseAsync(process.argv);
