import type { Logger } from '@hearth/graph';
import { LlamaEngine, type EngineLogLevel } from './engine/LlamaEngine.js';
import { checkModelFileHead } from './engine/checkModelFile.js';
import { checkRegistryChecksum, type FileHasher } from './engine/checkRegistryChecksum.js';
import { checkRegistrySize } from './engine/checkRegistrySize.js';
import { modelHelp } from './errors/modelHelp.js';
import { FallbackResponder } from './fallback/FallbackResponder.js';
import { LORA_SCALE_DEFAULT, type EngineConfig } from './LlmParameters.js';
import { loraScaleFor } from './registry/loraScaleFor.js';
import { registryEntryFor } from './registry/registryEntryFor.js';
import type { ReplyEngine } from './types.js';
import { resolveWorkerEntry } from './worker/resolveWorkerEntry.js';
import { WorkerEngine, type WorkerEngineOptions } from './worker/WorkerEngine.js';

/** True when the configuration asks for no model: '' or "none". */
export function isNoModel(modelPath: string): boolean {
  const path = modelPath.trim();
  return path === '' || path.toLowerCase() === 'none';
}

export interface LoadReplyEngineOptions {
  /** Hashes the file for the registry check; default a worker thread (tests inject a slow one). */
  readonly sha256?: FileHasher;
}

/**
 * Loads the configured model, or the fallback responder when there is none or it cannot be
 * loaded: the robot keeps answering kindly, and the log says what went wrong and how to fix it.
 */
export async function loadReplyEngine(
  config: EngineConfig,
  logger: Logger,
  loadOptions: LoadReplyEngineOptions = {},
): Promise<ReplyEngine> {
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
  const loraScale = loraScaleFor(config.loraPath, config.loraScale, registered);
  const options = {
    modelPath: config.modelPath,
    threads: config.threads,
    contextSize: config.contextSize,
    maxSessions: config.maxSessions,
    chatTemplate,
    ...(config.loraPath ? { lora: { filePath: config.loraPath, scale: loraScale } } : {}),
    memory: {
      limitBytes: config.memoryLimitMb * 2 ** 20,
      marginBytes: config.memoryMarginMb * 2 ** 20,
    },
    log: (level: EngineLogLevel, message: string) => logger[level](message),
  };
  try {
    await checkRegistrySize(config.modelPath, registered);
    // The SHA-256 check runs alongside the load (both read the same file, so the page cache
    // serves the second reader), but the model answers no turn before it passes: a file that
    // is not the registry's model could say anything. LlmNode.create does not wait for a check
    // that must hash the file: the node serves from the fallback meanwhile. A pulled file's
    // marker makes the check instant.
    const [loaded, checked] = await Promise.allSettled([
      loadModelEngine(config, options, logger),
      checkRegistryChecksum(
        config.modelPath,
        registered,
        (note) => logger.info(note),
        loadOptions.sha256,
      ),
    ]);
    if (checked.status === 'rejected') {
      if (loaded.status === 'fulfilled') await loaded.value.dispose();
      throw checked.reason;
    }
    if (loaded.status === 'rejected') throw loaded.reason;
    const engine = loaded.value;
    logger.info(`Loaded model ${config.modelPath}`, {
      threads: engine.threads,
      contextSize: engine.contextSize,
      process: engine instanceof WorkerEngine ? `worker pid ${engine.pid}` : 'inline',
      ...(config.loraPath ? { lora: config.loraPath, loraScale } : {}),
    });
    if (config.loraPath) {
      const source =
        config.loraScale !== undefined
          ? 'lora_scale'
          : loraScale === LORA_SCALE_DEFAULT
            ? 'as trained: lora_scale is -1 and the registry gives no default_scale'
            : "the registry adapter's default_scale: lora_scale is -1";
      logger.info(`LoRA adapter ${config.loraPath} runs at scale ${loraScale} (${source}).`);
    }
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
