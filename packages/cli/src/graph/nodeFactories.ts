import type { GraphNode, ParameterValue } from '@hearth/graph';
import { NodeNames } from '@hearth/interfaces';
import { AffectNode } from '@hearth/affect';
import { AudioInNode } from '@hearth/audio';
import { DialogueNode } from '@hearth/dialogue';
import { GestureNode, loadGestureProfile } from '@hearth/gesture';
import { LlmNode, isNoModel } from '@hearth/llm';
import { SttNode } from '@hearth/stt';
import { TelemetryNode } from '@hearth/telemetry';
import { createTtsEngine, EspeakEngine, TtsNode } from '@hearth/tts';
import { WakeWordNode } from '@hearth/wake-word';

/** Anything a factory made that must be released on shutdown. */
export interface RunningHearthNode {
  dispose(): void | Promise<void>;
}

/** A node and what the person running Hearth should be told about it. */
export interface CreatedHearthNode {
  readonly node: RunningHearthNode;
  /** Shown on the console page and printed at start, e.g. that no model is loaded. */
  readonly notices: readonly string[];
}

/** What the composition knows that the nodes' parameters do not (run-time choices). */
export interface NodeContext {
  /** The robot profile's folder: relative file parameters resolve against it. */
  readonly profileDir: string;
  /** Where the tts node writes speech (served by the console). */
  readonly audioDir: string;
  /** The broker telemetry publishes to; the mqtt_url parameter otherwise. */
  readonly mqttUrl?: string;
  /** The gesture table to load (already resolved against the profile's folder). */
  readonly gesturesFile: string;
}

/** Every node but the console, which `hearth start` adds with its web server. */
export type HearthNodeName = Exclude<(typeof NodeNames)[keyof typeof NodeNames], 'console'>;

/** The nodes that make up the graph, in start order (data flows downstream to upstream). */
export const graphNodeOrder: readonly HearthNodeName[] = [
  NodeNames.telemetry,
  NodeNames.tts,
  NodeNames.gesture,
  NodeNames.affect,
  NodeNames.llm,
  NodeNames.dialogue,
  NodeNames.stt,
  NodeNames.wakeWord,
  NodeNames.audioIn,
];

type Factory = (
  node: GraphNode,
  context: NodeContext,
) => Promise<RunningHearthNode | CreatedHearthNode>;

/**
 * How each node is created from its GraphNode. Kept here, not in each package's main, so the
 * composed graph (`hearth start`, `hearth graph`) and a single node (`hearth node NAME`) build
 * nodes the same way.
 */
export const nodeFactories: Record<HearthNodeName, Factory> = {
  async [NodeNames.telemetry](node, context) {
    return new TelemetryNode(
      node,
      context.mqttUrl === undefined ? {} : { mqttUrl: context.mqttUrl },
    );
  },
  async [NodeNames.tts](node, context) {
    // The `engine` parameter picks espeak-ng or Azure (whose key is checked here, at start).
    const engine = createTtsEngine(node);
    // Fail at start with espeak-ng's install hint rather than on the first reply. The binary is
    // needed only when libespeak-ng cannot be loaded: a robot with just the library starts.
    if (engine instanceof EspeakEngine && (await engine.backend()) === 'cli')
      await engine.version();
    return new TtsNode(node, engine, { audioDir: context.audioDir });
  },
  async [NodeNames.gesture](node, context) {
    return new GestureNode(node, await loadGestureProfile(context.gesturesFile));
  },
  async [NodeNames.affect](node) {
    return new AffectNode(node);
  },
  async [NodeNames.llm](node) {
    const llm = await LlmNode.create(node);
    const modelPath = String(node.getParameter('model_path')).trim();
    if (llm.checkingModel) {
      return {
        node: llm,
        notices: [
          `Checking the model file ${modelPath} against the model registry's SHA-256 (once per ` +
            'file) ...; Hearth answers from its built-in supportive replies until it passes, ' +
            'then the model takes over (the log says when).',
        ],
      };
    }
    if (llm.engine.kind !== 'fallback') return llm;
    const install =
      'To install one: `hearth models pull NAME` (`hearth models list` shows the names), then ' +
      'start with --model FILE.gguf.';
    return {
      node: llm,
      notices: [
        'No language model is loaded: ' +
          (isNoModel(modelPath)
            ? ''
            : `${modelPath} could not be loaded (the error above says why and how to fix it); `) +
          `Hearth answers from its built-in supportive replies. ${install}`,
      ],
    };
  },
  async [NodeNames.dialogue](node) {
    return new DialogueNode(node);
  },
  async [NodeNames.stt](node) {
    return new SttNode(node);
  },
  async [NodeNames.wakeWord](node, context) {
    // Template files named in the profile's parameters sit next to it.
    return new WakeWordNode(node, { baseDir: context.profileDir });
  },
  async [NodeNames.audioIn](node, context) {
    // Its `source` parameter defaults to none: the simulator hears typed text; a robot sets alsa,
    // or topic to hear its own audio driver (audio_common) on a ROS topic.
    return new AudioInNode(node, { baseDir: context.profileDir });
  },
};

export function isHearthNodeName(name: string): name is HearthNodeName {
  return (graphNodeOrder as readonly string[]).includes(name);
}

/** Per-node parameter overrides given on the command line (`--model` is llm.model_path). */
export type NodeOverrides = Partial<Record<HearthNodeName, Record<string, ParameterValue>>>;

/** Normalizes a factory's answer. */
export function asCreated(made: RunningHearthNode | CreatedHearthNode): CreatedHearthNode {
  return 'notices' in made && 'node' in made ? made : { node: made, notices: [] };
}
