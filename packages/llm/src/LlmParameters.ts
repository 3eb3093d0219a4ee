import type { GraphNode, ParameterValue } from '@hearth/graph';
import { defaultPersonaPrompt } from './persona.js';
import { physicalCoreCount } from './physicalCoreCount.js';
import { defaultSampling, type SamplingOptions } from './types.js';

/** What the engine is loaded with; fixed for the node's life (restart to change). */
export interface EngineConfig {
  readonly modelPath: string;
  readonly threads: number;
  readonly contextSize: number;
  readonly maxSessions: number;
}

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
        'A test model: `hearth models make-test --out FILE`. Restart the node to change.',
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
  }

  engineConfig(): EngineConfig {
    return {
      modelPath: this.string('model_path').trim(),
      threads: this.number('threads'),
      contextSize: this.number('context_size'),
      maxSessions: this.number('max_sessions'),
    };
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
