import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startConsole, type ConsoleHandle } from '@hearth/console';
import { SqliteDashboardStore, startDashboard, type DashboardStore } from '@hearth/dashboard';
import { NodeNames } from '@hearth/interfaces';
import { redactUrl } from '@hearth/telemetry';
import { composeGraph, type ComposedGraph } from '../graph/composeGraph.js';
import { loadRobotProfile, type RobotProfile } from '../robotProfile.js';
import { modelOverrides } from './modelChoice.js';
import { mergeOverrides, paramOverrides } from './paramOption.js';
import { defaultDashboardDb } from './dashboard.js';
import { chooseBroker, untilInterrupted } from './services.js';

export interface StartOptions {
  robot?: string;
  model?: string;
  mqtt?: string;
  mqttPort: number;
  port: number;
  dashboardPort: number;
  host: string;
  audioDir?: string;
  /** The dashboard's SQLite file; `memory` keeps nothing. Default: `hearth dashboard`'s file. */
  dashboardDb?: string;
  /** `--param node.name=value`. */
  param?: string[];
}

/**
 * The main job: the whole graph in one process on the in-process transport, an MQTT broker,
 * the web console and the care dashboard. Runs until Ctrl-C, then stops everything in reverse.
 */
export async function startCommand(
  options: StartOptions,
  out: NodeJS.WritableStream,
): Promise<number> {
  const profile = loadRobotProfile(options.robot);
  const model = await modelOverrides(options.model);
  // A bad --model is reported (on stderr, as chat does) and the graph goes on with the fallback.
  if (model.problem !== undefined) process.stderr.write(`error: ${model.problem}\n`);
  const overrides = mergeOverrides(model.overrides, paramOverrides(options.param));
  const audioDir = options.audioDir ?? join(tmpdir(), 'hearth-audio');
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const broker = await chooseBroker({ ...options, host: options.host });
    if (broker.embedded) stops.push(() => broker.embedded!.close());
    const graph = await composeGraph({ profile, audioDir, mqttUrl: broker.url, overrides });
    stops.push(() => graph.dispose());
    const consoleServer = await startGraphConsole(graph, profile, {
      host: options.host,
      port: options.port,
      audioDir,
    });
    stops.push(() => consoleServer.close());
    // The same store as `hearth dashboard` by default, so sessions, mood history and alerts
    // outlive a restart of the simulator (and accounts added there apply here).
    const dashboardDb = options.dashboardDb ?? defaultDashboardDb();
    let store: DashboardStore | undefined;
    if (dashboardDb !== 'memory') {
      const sqlite = new SqliteDashboardStore({ file: dashboardDb });
      stops.push(async () => sqlite.dispose());
      store = sqlite;
    }
    const dashboard = await startDashboard({
      mqttUrl: broker.url,
      host: options.host,
      port: options.dashboardPort,
      ...(store === undefined ? {} : { store }),
    });
    stops.push(() => dashboard.close());

    for (const warning of graph.warnings) out.write(`warning: ${warning}\n`);
    for (const notice of graph.notices) out.write(`note: ${notice}\n`);
    out.write(
      [
        'Hearth is running.',
        `  web console:    ${consoleServer.url}`,
        `  care dashboard: ${dashboard.url}`,
        `  MQTT broker:    ${redactUrl(broker.url)}${broker.embedded ? ' (embedded)' : ''}`,
        `  dashboard data: ${dashboardDb === 'memory' ? 'in memory (kept until Ctrl-C)' : dashboardDb}`,
        `  robot profile:  ${profile.paramsFile}`,
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
    await untilInterrupted();
    out.write('Stopping Hearth...\n');
    await stopAll();
    out.write('Stopped.\n');
    return 0;
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/**
 * The web console as the graph's `console` node. It tunes the gesture node through a parameter
 * client (ROS 2's parameter services), as `ros2 param set` would; its figure starts from the
 * profile's gestures file and follows the gesture node's `gestures_file`, and it reads audio_in's
 * `vad` parameter to tell when voice activity fell back from Silero.
 */
export function startGraphConsole(
  graph: ComposedGraph,
  profile: RobotProfile,
  options: { host: string; port: number; audioDir: string },
): Promise<ConsoleHandle> {
  return startConsole({
    node: graph.createNode(NodeNames.console),
    host: options.host,
    port: options.port,
    audioDir: options.audioDir,
    notices: graph.notices,
    gesturesNode: NodeNames.gesture,
    // Its `vad` parameter against each VoiceActivity's detector: a Silero fallback shows on the page.
    audioNode: NodeNames.audioIn,
    ...(profile.gesturesFile === undefined ? {} : { gesturesFile: profile.gesturesFile }),
  });
}
