/** `hearth start`, `chat`, `node` and `graph`: the robot's graph, run in the ways it can be. */
import { Option, type Command } from 'commander';
import { runFrom } from './commandModules.js';
import { collectParam, personOption, portOption, toNumber, withPerson } from './optionParsers.js';

export function declareStart(program: Command): void {
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
    .option('--mqtt-port <port>', "the embedded broker's port", portOption('--mqtt-port'), 1883)
    .option('--port <port>', "the web console's port", portOption('--port'), 8080)
    .option(
      '--dashboard-port <port>',
      "the care dashboard's port",
      portOption('--dashboard-port'),
      8081,
    )
    .option('--host <address>', 'address the servers listen on', '127.0.0.1')
    .option('--audio-dir <dir>', 'where the robot’s speech is written')
    .option(
      '--dashboard-db <file>',
      "the care dashboard's SQLite file (default: hearth dashboard's, ~/.local/share/hearth/dashboard.sqlite); memory: keep nothing",
    )
    .option(
      '--param <node.name=value>',
      'set a node parameter for this run (repeatable)',
      collectParam,
      [],
    )
    .option(
      '--person <id>',
      "who is with the robot (an id from the profile's people.ids): their consent decides what telemetry sends (sets telemetry.consent.current_person)",
      personOption,
    )
    .action((options) =>
      runFrom('start', (m) => m.startCommand(withPerson(options), process.stdout)),
    );
}

export function declareChat(program: Command): void {
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
        .argParser(toNumber),
    )
    .option(
      '--param <node.name=value>',
      'set a node parameter for this run (repeatable)',
      collectParam,
      [],
    )
    .option(
      '--person <id>',
      "who is with the robot (an id from the profile's people.ids): their consent decides what telemetry sends (sets telemetry.consent.current_person)",
      personOption,
    )
    .action((options) =>
      runFrom('chat', (m) => m.chatCommand(withPerson(options), process.stdin, process.stdout)),
    );
}

/** `hearth node NAME` and `hearth graph`: what launch files run. */
export function declareNodes(program: Command): void {
  program
    .command('node')
    .description('run one node alone (launch files use this); ROS 2 when ROS_DISTRO is set')
    .argument('<name>', 'wake_word, stt, dialogue, llm, tts, gesture or telemetry')
    .allowUnknownOption()
    .allowExcessArguments()
    .helpOption(false)
    .action((name: string, _options, command: Command) =>
      runFrom('nodes', (m) => m.nodeCommand(name, command.args.slice(1))),
    );

  program
    .command('graph')
    .description(
      'run every node composed in one process (launch files use this); ROS 2 when ROS_DISTRO is set',
    )
    .allowUnknownOption()
    .allowExcessArguments()
    .action((_options, command: Command) => runFrom('nodes', (m) => m.graphCommand(command.args)));
}
