// The messages between the llm node and its model worker process (node:child_process IPC).
import type { EngineLogLevel, LlamaEngineOptions } from '../engine/LlamaEngine.js';
import type { ReplyOptions, ReplyRequest, ReplyResult, ReplySentence } from '../types.js';

/** LlamaEngine's options as they cross the process boundary (no callbacks). */
export type WorkerLoadOptions = Omit<LlamaEngineOptions, 'log'>;

/** ReplyOptions as they cross the process boundary (no signal, no callbacks). */
export type WorkerReplyOptions = Pick<ReplyOptions, 'sampling' | 'personaPrompt' | 'context'>;

/** An error as it crosses the process boundary. */
export interface SerializedError {
  readonly name: string;
  readonly message: string;
  /** The file the error is about, when it names one. */
  readonly filePath?: string;
}

export type ToWorker =
  | { readonly type: 'load'; readonly options: WorkerLoadOptions }
  | {
      readonly type: 'generate';
      readonly id: number;
      readonly request: ReplyRequest;
      readonly options: WorkerReplyOptions;
      /** Whether to stream raw text chunks too (sentences always stream). */
      readonly chunks: boolean;
    }
  | { readonly type: 'cancel'; readonly id: number }
  | { readonly type: 'endSession'; readonly id: number; readonly sessionId: string }
  | { readonly type: 'setLoraScale'; readonly id: number; readonly scale: number }
  | { readonly type: 'dispose' };

export type FromWorker =
  | { readonly type: 'loaded'; readonly threads: number; readonly contextSize: number }
  | { readonly type: 'loadFailed'; readonly error: SerializedError }
  | { readonly type: 'chunk'; readonly id: number; readonly text: string }
  | { readonly type: 'sentence'; readonly id: number; readonly sentence: ReplySentence }
  | {
      readonly type: 'done';
      readonly id: number;
      readonly result?: ReplyResult;
      /** For a cancelled turn: tokens the model generated after the cancel reached the worker. */
      readonly lateTokens?: number;
    }
  | { readonly type: 'failed'; readonly id: number; readonly error: SerializedError }
  | { readonly type: 'log'; readonly level: EngineLogLevel; readonly message: string };

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const filePath = (error as { filePath?: unknown }).filePath;
  return {
    name: error.name,
    message: error.message,
    ...(typeof filePath === 'string' ? { filePath } : {}),
  };
}
