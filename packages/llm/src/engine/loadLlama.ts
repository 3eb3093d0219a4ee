import { getLlama, LlamaLogLevel, type Llama } from 'node-llama-cpp';

export interface LoadLlamaOptions {
  /** Upper bound on llama.cpp's threads for this binding. */
  readonly maxThreads?: number;
  /** Use a GPU build when one is present (eval on a GPU machine); CPU only by default. */
  readonly gpu?: boolean;
  /** Least severe llama.cpp log level to pass on; error by default. */
  readonly logLevel?: LlamaLogLevel;
  readonly logger?: (level: LlamaLogLevel, message: string) => void;
}

/**
 * node-llama-cpp's native binding as Hearth uses it everywhere (llm node, eval, bench): the
 * prebuilt binary that ships in npm, never a download of llama.cpp's sources or a compile,
 * which would fail on a robot without network and hang a CI run; a missing binary is a clear
 * error instead.
 */
export function loadLlama(options: LoadLlamaOptions = {}): Promise<Llama> {
  return getLlama({
    gpu: options.gpu ? 'auto' : false,
    build: 'never',
    skipDownload: true,
    usePrebuiltBinaries: true,
    progressLogs: false,
    logLevel: options.logLevel ?? LlamaLogLevel.error,
    ...(options.maxThreads === undefined ? {} : { maxThreads: options.maxThreads }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
}
