/** `hearth wakeword`, `dashboard`, `gesture`, `safety` and `tts`: one part of the robot each. */
import type { Command } from 'commander';
import type { GestureListOptions, GesturePlayOptions } from '../commands/gesture.js';
import type { SafetyScreenOptions } from '../commands/safety.js';
import type { TtsSayOptions } from '../commands/tts.js';
import { runFrom } from './commandModules.js';
import { ttsHelpDefaults } from './helpDefaults.js';
import { portOption } from './optionParsers.js';

export function declareWakeword(program: Command): void {
  const wakeword = program
    .command('wakeword')
    .description('the offline wake word: enroll a phrase, detect it in recordings');
  wakeword
    .command('enroll')
    .description('make a template file from 3 to 5 WAV recordings of the wake phrase')
    .requiredOption('--out <file>', 'where to write the template file (JSON)')
    .option('--phrase <text>', 'the phrase the recordings say', 'hey hearth')
    .option(
      '--negative <wav...>',
      'recordings of confusable phrases ("hey heart"): the phrase must score above them',
    )
    .argument('<wav...>', 'the recordings (any PCM WAV; converted to 16 kHz mono)')
    .action((files: string[], options) =>
      runFrom('wakeword', (m) => m.wakewordEnrollCommand(files, options, process.stdout)),
    );
  wakeword
    .command('detect')
    .description('find the enrolled phrase in WAV files: time and score of each detection')
    .requiredOption('--model <file>', 'a template file from `hearth wakeword enroll`')
    .option('--json', 'print one JSON object per file', false)
    .option('--threshold <score>', 'detection score needed, 0 to 1')
    .option('--refractory-ms <ms>', 'no second detection for this long after one')
    .option('--negative-margin <score>', 'how far the phrase must score above its negatives')
    .argument('<wav...>', 'the recordings to search')
    .action((files: string[], options) =>
      runFrom('wakeword', (m) => m.wakewordDetectCommand(files, options, process.stdout)),
    );
}

export function declareDashboard(program: Command): void {
  const dashboard = program
    .command('dashboard')
    .description('run the care dashboard alone, with its SQLite store (add users with add-user)')
    .option('--mqtt <url>', "the robots' MQTT broker", 'mqtt://127.0.0.1:1883')
    .option('--port <port>', 'HTTP port', portOption('--port'), 8081)
    .option(
      '--host <address>',
      'address to listen on (beyond 127.0.0.1 only once users exist)',
      '127.0.0.1',
    )
    .option('--db <file>', 'SQLite file (default: ~/.local/share/hearth/dashboard.sqlite)')
    .option('--secure-cookies', 'mark the login cookie Secure (behind a TLS proxy)', false)
    .option('--trust-proxy', 'take client addresses from X-Forwarded-For (behind a proxy)', false)
    .option('--public-url <url>', 'the address caregivers open, put into alert notifications')
    .option(
      '--mqtt-client-id <id>',
      'MQTT client id of its persistent session (default: from this host and the database file)',
    )
    .action((options) => runFrom('dashboard', (m) => m.dashboardCommand(options, process.stdout)));
  dashboard
    .command('add-user')
    .description(
      'add a caregiver or admin account; the password is read from the terminal or stdin',
    )
    .argument('<name>', 'user name (letters, digits, . _ @ -)')
    .option('--role <role>', 'caregiver or admin', 'caregiver')
    .option('--robots <ids>', 'robots a caregiver may see, comma separated (default: all)')
    .option('--db <file>', 'SQLite file (default: ~/.local/share/hearth/dashboard.sqlite)')
    .action((name: string, options) =>
      runFrom('dashboard', (m) =>
        // --db may come before or after add-user: commander gives it to the parent when before.
        m.addUserCommand(
          name,
          { ...options, db: options.db ?? dashboard.opts().db },
          process.stdin,
          process.stdout,
        ),
      ),
    );
}

export function declareGesture(program: Command): void {
  const gesture = program
    .command('gesture')
    .description("a robot profile's gestures and their joint trajectories");
  const robotOption = [
    '--robot <dir|file>',
    'robot profile: a folder under robot-config/, its params.yaml, or a gestures file',
    'default',
  ] as const;
  gesture
    .command('list')
    .description("list the robot profile's gestures and what chooses them")
    .option(...robotOption)
    .option('--json', 'print JSON', false)
    .action((options: GestureListOptions) =>
      runFrom('gesture', (m) => m.gestureListCommand(options, process.stdout)),
    );
  gesture
    .command('play')
    .description(
      'print the joint trajectory of a gesture (trajectory_msgs/JointTrajectory) as planned from rest; on a running robot the gesture node retimes its approach from the current pose',
    )
    .argument('<name>', 'the gesture, as `hearth gesture list` names it')
    .option(...robotOption)
    .option('--intensity <0..1>', 'scale the motion around the neutral pose', '1')
    .option('--json', 'print JSON', false)
    .action((name: string, options: GesturePlayOptions) =>
      runFrom('gesture', (m) => m.gesturePlayCommand(name, options, process.stdout)),
    );
}

export function declareSafety(program: Command): void {
  const safety = program
    .command('safety')
    .description('the deterministic risk screener (and, for the dialogue, the output guard)');
  safety
    .command('screen')
    .description(
      'screen messages, one per line on stdin: prints level (none, low, moderate, high, imminent), category and reasons',
    )
    .option(
      '--json',
      'print one JSON object per message: {"text","level","category","reasons"}',
      false,
    )
    .option('--separate', 'screen each line alone, not as turns of one conversation', false)
    .action((options: SafetyScreenOptions) =>
      runFrom('safety', (m) => m.safetyScreenCommand(options, process.stdin, process.stdout)),
    );
}

export function declareTts(program: Command): void {
  const defaults = ttsHelpDefaults;
  const tts = program.command('tts').description('text to speech as the robot says it');
  tts
    .command('say')
    .description('synthesize TEXT to a WAV file and print its word and viseme events with times')
    .argument('<text>', 'what to say')
    .requiredOption('--out <file>', 'the WAV file to write')
    .option('--json', 'print one JSON document', false)
    .option(
      '--engine <name>',
      `${defaults.engines.join(' or ')} (azure reads AZURE_SPEECH_KEY and AZURE_SPEECH_REGION)`,
      'espeak-ng',
    )
    .option(
      '--voice <name>',
      `espeak-ng voice (default ${defaults.voice}) or Azure voice (default ${defaults.azureVoice})`,
    )
    .option('--rate <wpm>', `words per minute, 80 to 450 (default ${defaults.rate})`)
    .option('--pitch <0-99>', `pitch, 50 being the voice's own (default ${defaults.pitch})`)
    .option('--style <style>', 'Azure speaking style, e.g. empathetic, gentle')
    .action((text: string, options: TtsSayOptions) =>
      runFrom('tts', (m) => m.ttsSayCommand(text, options, process.stdout)),
    );
}
