import type { Logger } from '@hearth/graph';
import { LlamaEngine, type EngineLogLevel } from './engine/LlamaEngine.js';
import { checkModelFileHead } from './engine/checkModelFile.js';
import { checkRegistrySize } from './engine/checkRegistrySize.js';
import { modelHelp } from './errors/modelHelp.js';
import { FallbackResponder } from './fallback/FallbackResponder.js';
import type { EngineConfig } from './LlmParameters.js';
import { registryEntryFor } from './registry/registryEntryFor.js';
import type { ReplyEngine } from './types.js';
import { resolveWorkerEntry } from './worker/resolveWorkerEntry.js';
import { WorkerEngine, type WorkerEngineOptions } from './worker/WorkerEngine.js';

/** True when the configuration asks for no model: '' or "none". */
export function isNoModel(modelPath: string): boolean {
  const path = modelPath.trim();
  return path === '' || path.toLowerCase() === 'none';
}

/**
 * Loads the configured model, or the fallback responder when there is none or it cannot be
 * loaded: the robot keeps answering kindly, and the log says what went wrong and how to fix it.
 */
export async function loadReplyEngine(config: EngineConfig, logger: Logger): Promise<ReplyEngine> {
  const fallback = (): ReplyEngine =>
    new FallbackResponder({
      onListenerError: (error) => logger.warn(`A reply listener threw: ${String(error)}`),
    });
  if (isNoModel(config.modelPath)) {
    logger.info(
      `No model configured (model_path is empty); answering from built-in supportive replies. ${modelHelp}`,
    );
    return fallback();
  }
  const registered = await registryEntryFor(config.modelPath, {
    onError: (message) => logger.debug(`Model registry not used: ${message}`),
  });
  // The parameter wins; else the registry's family for this file. Either only applies when the
  // GGUF has no template of its own.
  const chatTemplate = config.chatTemplate || (registered?.entry.chat_template ?? '');
  const options = {
    modelPath: config.modelPath,
    threads: config.threads,
    contextSize: config.contextSize,
    maxSessions: config.maxSessions,
    chatTemplate,
    ...(config.loraPath ? { lora: { filePath: config.loraPath, scale: config.loraScale } } : {}),
    memory: {
      limitBytes: config.memoryLimitMb * 2 ** 20,
      marginBytes: config.memoryMarginMb * 2 ** 20,
    },
    log: (level: EngineLogLevel, message: string) => logger[level](message),
  };
  try {
    await checkRegistrySize(config.modelPath, registered);
    const engine = await loadModelEngine(config, options, logger);
    logger.info(`Loaded model ${config.modelPath}`, {
      threads: engine.threads,
      contextSize: engine.contextSize,
      process: engine instanceof WorkerEngine ? `worker pid ${engine.pid}` : 'inline',
      ...(config.loraPath ? { lora: config.loraPath, loraScale: config.loraScale } : {}),
    });
    return engine;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const filePath = (error as { filePath?: unknown } | undefined)?.filePath;
    logger.error(`${message} Answering from built-in supportive replies until then.`, {
      error: error instanceof Error ? error.name : 'Error',
      file: typeof filePath === 'string' ? filePath : config.modelPath,
    });
    return fallback();
  }
}

/**
 * The model in a worker process when configured and built, else in this process. A missing or
 * foreign file is caught here first, before any process is started.
 */
async function loadModelEngine(
  config: EngineConfig,
  options: Omit<WorkerEngineOptions, 'entry'>,
  logger: Logger,
): Promise<LlamaEngine | WorkerEngine> {
  if (config.modelProcess === 'child') {
    await checkModelFileHead(config.modelPath);
    const entry = resolveWorkerEntry();
    if (entry) return WorkerEngine.start({ ...options, entry });
    logger.warn(
      'model_process is child, but the model worker is not built (run `pnpm build`); ' +
        'running the model inside the node process instead.',
    );
  }
  return LlamaEngine.load(options);
}
