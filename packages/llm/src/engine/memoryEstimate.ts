import { freemem } from 'node:os';
import { GgufInsights, type GgufFileInfo, type Llama } from 'node-llama-cpp';
import { ModelTooBigError } from '../errors/ModelTooBigError.js';

/** What loading a model for the robot's sessions will take, in bytes of RAM. */
export interface MemoryEstimate {
  /** The weights (about the file's tensor data). */
  readonly modelBytes: number;
  /** KV caches and compute buffers of all sessions' contexts together. */
  readonly contextBytes: number;
  readonly sessions: number;
  readonly contextSize: number;
  readonly totalBytes: number;
}

export interface MemoryLimit {
  /** Bytes the model may take; undefined or 0: the memory this machine (or cgroup) has free. */
  readonly limitBytes?: number;
  /** Kept free for the rest of the robot (speech, the other nodes); default 512 MiB. */
  readonly marginBytes?: number;
}

export const defaultMemoryMarginBytes = 512 * 2 ** 20;

/**
 * Estimates the RAM a CPU model needs: its weights plus one context (KV cache and compute
 * buffers) of `contextSize` tokens per session, by node-llama-cpp's reading of llama.cpp's
 * allocations for this file's architecture.
 */
export async function estimateMemory(
  info: GgufFileInfo,
  llama: Llama,
  options: { readonly contextSize: number; readonly sessions: number },
): Promise<MemoryEstimate> {
  const insights = await GgufInsights.from(info, llama);
  const model = await insights.estimateModelResourceRequirementsV2({ gpuLayers: 0 });
  const context = await insights.estimateContextResourceRequirementsV2({
    contextSize: options.contextSize,
    modelGpuLayers: 0,
    sequences: 1,
  });
  const modelBytes = Math.max(model.cpuRam, insights.modelSize);
  const contextBytes = context.cpuRam * options.sessions;
  return { ...options, modelBytes, contextBytes, totalBytes: modelBytes + contextBytes };
}

/** Free memory as the process sees it: the cgroup's limit where there is one, else the OS's. */
export function availableMemoryBytes(): number {
  return typeof process.availableMemory === 'function' ? process.availableMemory() : freemem();
}

/** Throws ModelTooBigError when the estimate exceeds what the limit and margin allow. */
export function checkMemory(
  filePath: string,
  estimate: MemoryEstimate,
  limit: MemoryLimit = {},
  available: () => number = availableMemoryBytes,
): void {
  const marginBytes = limit.marginBytes ?? defaultMemoryMarginBytes;
  const availableBytes = limit.limitBytes ? limit.limitBytes : available();
  const usableBytes = Math.max(0, availableBytes - marginBytes);
  if (estimate.totalBytes > usableBytes) {
    throw new ModelTooBigError(filePath, estimate, usableBytes, availableBytes, marginBytes);
  }
}
