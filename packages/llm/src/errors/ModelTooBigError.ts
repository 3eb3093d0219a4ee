import type { MemoryEstimate } from '../engine/memoryEstimate.js';
import { ModelFileError } from './ModelFileError.js';

const mb = (bytes: number): string => `${Math.ceil(bytes / 2 ** 20)} MB`;

/**
 * The model and its sessions' KV caches would not fit in the memory this machine has free:
 * loading it anyway would swap or be killed by the kernel mid-reply.
 */
export class ModelTooBigError extends ModelFileError {
  constructor(
    filePath: string,
    readonly estimate: MemoryEstimate,
    /** Bytes the model may use: available memory (or memory_limit_mb) minus the margin. */
    readonly usableBytes: number,
    readonly availableBytes: number,
    readonly marginBytes: number,
  ) {
    super(
      filePath,
      `Model too big for memory: ${filePath} needs about ${mb(estimate.totalBytes)} ` +
        `(${mb(estimate.modelBytes)} of weights + ${mb(estimate.contextBytes)} for ` +
        `${estimate.sessions} session${estimate.sessions === 1 ? '' : 's'} of ` +
        `${estimate.contextSize} tokens), but only ${mb(usableBytes)} may be used ` +
        `(${mb(availableBytes)} available minus a ${mb(marginBytes)} margin). Use a smaller ` +
        'quantization (e.g. Q4_K_M instead of Q8_0) or a smaller model, or lower the llm ' +
        'parameters context_size or max_sessions; memory_limit_mb and memory_margin_mb set the limit.',
    );
    this.name = 'ModelTooBigError';
  }
}
