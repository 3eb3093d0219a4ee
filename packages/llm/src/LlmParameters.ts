import type { Disposable, GraphNode, ParameterValue } from '@hearth/graph';
import {
  ContextStrategyNames,
  defaultContextOptions,
  type ContextOptions,
  type ContextStrategyName,
} from './context/ContextOptions.js';
import { InvalidLoraScaleError } from './errors/InvalidLoraScaleError.js';
import { defaultPersonaPrompt } from './persona.js';
import { physicalCoreCount } from './physicalCoreCount.js';
import { defaultSampling, type SamplingOptions } from './types.js';

/** The adapter as trained: the scale when neither lora_scale nor the registry says another. */
export const LORA_SCALE_DEFAULT = 1;

/**
 * lora_scale's declared default: "not set", i.e. the registry adapter's default_scale, else 1.
 * A value of its own, so an operator's explicit 1 is kept and `ros2 param get` never shows a
 * number the adapter is not running at by accident.
 */
export const LORA_SCALE_UNSET = -1;

/** The largest lora_scale accepted. */
export const LORA_SCALE_MAX = 4;

/** Why a lora_scale value is refused, or undefined when it is -1 or within [0, max]. */
export function loraScaleRefusal(value: number): string | undefined {
  if (value === LORA_SCALE_UNSET || (value >= 0 && value <= LORA_SCALE_MAX)) return undefined;
  return (
    `lora_scale ${value} is not accepted: use a value from 0 to ${LORA_SCALE_MAX}, or ` +
    `${LORA_SCALE_UNSET} for the registry adapter's default_scale (else 1).`
  );
}

/** What the engine is loaded with; fixed for the node's life (restart to change). */

export interface EngineConfig {
  readonly modelPath: string;
  readonly threads: number;
  readonly contextSize: number;
  readonly maxSessions: number;
  /** Chat template family for a model without one; '' resolves from the GGUF. */
  readonly chatTemplate: string;
  /** LoRA adapter GGUF; '' for none. */
  readonly loraPath: string;
  /**
   * The adapter's strength; undefined when lora_scale is -1 (not set), so a registry adapter's
   * `default_scale` applies, else 1 (see loraScaleFor).
   */
  readonly loraScale: number | undefined;
  /** `child`: the model runs in a worker process; `inline`: in the node's own process. */
  readonly modelProcess: ModelProcess;
  /** MiB the model may take; 0 = the memory free when it loads. */
  readonly memoryLimitMb: number;
  /** MiB left free for the rest of the robot. */
  readonly memoryMarginMb: number;
}

export const modelProcesses = ['child', 'inline'] as const;
export type ModelProcess = (typeof modelProcesses)[number];

/**
 * The llm node's ROS 2 parameters. Sampling and persona are read on every turn, so
 * `ros2 param set /llm temperature 0.5` takes effect on the next turn; the ones that shape the
 * loaded model are read-only.
 */
export class LlmParameters {
  constructor(private readonly node: GraphNode) {
    node.declareParameter('model_path', '', {
      description:
        'GGUF model file. Empty or "none" answers from the built-in supportive replies. ' +
        'Install one with `hearth models pull NAME` (`hearth models list` for names). Restart ' +
        'the node to change.',
      kind: 'string',
      readOnly: true,
    });
    node.declareParameter('threads', physicalCoreCount(), {
      description: 'CPU threads for decoding; default is the physical core count.',
      kind: 'integer',
      readOnly: true,
      range: { min: 1, max: 1024 },
    });
    node.declareParameter('context_size', 2048, {
      description: 'Tokens of history each session keeps in its KV cache.',
      kind: 'integer',
      readOnly: true,
      range: { min: 256, max: 131072 },
    });
    node.declareParameter('max_sessions', 2, {
      description: 'Sessions kept in memory at once; the least recently used one is dropped.',
      kind: 'integer',
      readOnly: true,
      range: { min: 1, max: 64 },
    });
    node.declareParameter('temperature', defaultSampling.temperature, {
      description: 'Sampling temperature; 0 always picks the likeliest token.',
      kind: 'double',
      range: { min: 0, max: 2 },
    });
    node.declareParameter('top_p', defaultSampling.topP, {
      description:
        'Nucleus sampling: sample from the likeliest tokens whose probabilities sum to this.',
      kind: 'double',
      range: { min: 0, max: 1 },
    });
    node.declareParameter('top_k', defaultSampling.topK, {
      description: 'Sample from at most this many likeliest tokens; 0 for no limit.',
      kind: 'integer',
      range: { min: 0, max: 100000 },
    });
    node.declareParameter('max_tokens', defaultSampling.maxTokens, {
      description: 'Most new tokens in one reply.',
      kind: 'integer',
      range: { min: 1, max: 4096 },
    });
    node.declareParameter('seed', defaultSampling.seed, {
      description: 'Sampling seed; -1 for a random one each turn.',
      kind: 'integer',
      range: { min: -1, max: 2147483647 },
    });
    node.declareParameter('persona_prompt', defaultPersonaPrompt, {
      description:
        'System prompt of the companion persona; applies to sessions that start after a change.',
      kind: 'string',
    });
    node.declareParameter('context_strategy', defaultContextOptions.strategy, {
      description:
        'How an overflowing history is fitted: window (drop oldest turns), stopwords (strip ' +
        'stopwords from older turns first) or summary (background summary of dropped turns).',
      kind: 'string',
      choices: ContextStrategyNames,
    });
    node.declareParameter('keep_recent_turns', defaultContextOptions.keepRecentTurns, {
      description: 'Newest turns that keep their stopwords under the stopwords strategy.',
      kind: 'integer',
      range: { min: 0, max: 1000 },
    });
    node.declareParameter('first_sentence_deadline_ms', 8000, {
      description:
        'When no sentence is ready this long after a goal, generation is cancelled and the ' +
        'turn is answered from the fallback replies; 0 waits for ever.',
      kind: 'integer',
      range: { min: 0, max: 600000 },
    });
    node.declareParameter('chat_template', '', {
      description:
        'Chat template family for a model whose GGUF has none: chatml, llama2, mistral, phi3 ' +
        'or llama3. Empty uses the template in the file. Restart to change.',
      kind: 'string',
      readOnly: true,
    });
    node.declareParameter('lora_path', '', {
      description: 'LoRA adapter (GGUF) applied to the model at load; empty for none. Read-only.',
      kind: 'string',
      readOnly: true,
    });
    node.declareParameter('lora_scale', LORA_SCALE_UNSET, {
      description:
        `Strength of the LoRA adapter, 0 to ${LORA_SCALE_MAX} (1 = as trained, 0 = base ` +
        `model). ${LORA_SCALE_UNSET} (the default): the default_scale of the adapter's entry ` +
        "in the model's registry entry, else 1. The scale in use is logged at load.",
      kind: 'double',
      range: { min: LORA_SCALE_UNSET, max: LORA_SCALE_MAX },
    });
    node.declareParameter('model_process', 'child', {
      description:
        'child runs the model in a worker process that is restarted if it crashes; inline ' +
        'runs it in the node process. Restart to change.',
      kind: 'string',
      readOnly: true,
      choices: modelProcesses,
    });
    node.declareParameter('memory_limit_mb', 0, {
      description:
        'MiB of RAM the model and its sessions may take; 0 uses the memory free at load. A ' +
        'model estimated to need more is refused and the node answers from the fallback.',
      kind: 'integer',
      readOnly: true,
      range: { min: 0, max: 16777216 },
    });
    node.declareParameter('memory_margin_mb', 512, {
      description: 'MiB kept free for the rest of the robot when checking that the model fits.',
      kind: 'integer',
      readOnly: true,
      range: { min: 0, max: 16777216 },
    });
  }

  engineConfig(): EngineConfig {
    return {
      modelPath: this.string('model_path').trim(),
      threads: this.number('threads'),
      contextSize: this.number('context_size'),
      maxSessions: this.number('max_sessions'),
      chatTemplate: this.string('chat_template').trim(),
      loraPath: this.string('lora_path').trim(),
      loraScale:
        this.number('lora_scale') === LORA_SCALE_UNSET ? undefined : this.number('lora_scale'),
      modelProcess: this.string('model_process') as ModelProcess,
      memoryLimitMb: this.number('memory_limit_mb'),
      memoryMarginMb: this.number('memory_margin_mb'),
    };
  }

  /** Context management as configured now (read on every turn). */
  context(): ContextOptions {
    return {
      strategy: this.string('context_strategy') as ContextStrategyName,
      keepRecentTurns: this.number('keep_recent_turns'),
      evictFraction: defaultContextOptions.evictFraction,
    };
  }

  /** Milliseconds to wait for a turn's first sentence before answering from the fallback. */
  firstSentenceDeadlineMs(): number {
    return this.number('first_sentence_deadline_ms');
  }

  /** lora_scale as set now: -1 (LORA_SCALE_UNSET) for the load-time default. */
  loraScale(): number {
    return this.number('lora_scale');
  }

  /**
   * Refuses a lora_scale between -1 and 0 (the range alone allows them), at start and when set.
   * The node disposes the returned validator.
   */
  validateLoraScale(): Disposable {
    const refusal = loraScaleRefusal(this.loraScale());
    if (refusal !== undefined) throw new InvalidLoraScaleError(this.loraScale(), refusal);
    return this.node.addParameterValidator((changes) => {
      for (const change of changes) {
        if (change.name !== 'lora_scale' || typeof change.value !== 'number') continue;
        const reason = loraScaleRefusal(change.value);
        if (reason !== undefined) return { successful: false, reason };
      }
      return { successful: true };
    });
  }

  /** The sampling parameters as they are now. */
  sampling(): SamplingOptions {
    return {
      temperature: this.number('temperature'),
      topP: this.number('top_p'),
      topK: this.number('top_k'),
      maxTokens: this.number('max_tokens'),
      seed: this.number('seed'),
    };
  }

  personaPrompt(): string {
    return this.string('persona_prompt');
  }

  private number(name: string): number {
    return expectType(name, this.node.getParameter(name), 'number');
  }

  private string(name: string): string {
    return expectType(name, this.node.getParameter(name), 'string');
  }
}

function expectType<K extends 'number' | 'string'>(
  name: string,
  value: ParameterValue,
  kind: K,
): K extends 'number' ? number : string {
  if (typeof value !== kind) {
    throw new TypeError(`llm parameter ${name} should be a ${kind}, got ${JSON.stringify(value)}.`);
  }
  return value as K extends 'number' ? number : string;
}
