import type { Logger } from '@hearth/graph';
import { LlamaEngine, type EngineLogLevel } from './engine/LlamaEngine.js';
import { modelHelp } from './errors/modelHelp.js';
import { ModelFileError } from './errors/ModelFileError.js';
import { FallbackResponder } from './fallback/FallbackResponder.js';
import type { EngineConfig } from './LlmParameters.js';
import type { ReplyEngine } from './types.js';

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
  try {
    const engine = await LlamaEngine.load({
      modelPath: config.modelPath,
      threads: config.threads,
      contextSize: config.contextSize,
      maxSessions: config.maxSessions,
      log: (level: EngineLogLevel, message: string) => logger[level](message),
    });
    logger.info(`Loaded model ${config.modelPath}`, {
      threads: engine.threads,
      contextSize: engine.contextSize,
    });
    return engine;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.error(`${message} Answering from built-in supportive replies until then.`, {
      error: error instanceof Error ? error.name : 'Error',
      file: error instanceof ModelFileError ? error.filePath : config.modelPath,
    });
    return fallback();
  }
}
