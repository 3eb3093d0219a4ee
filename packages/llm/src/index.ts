export { LlmNode, defaultSessionId, type LlmNodeOptions } from './LlmNode.js';
export { LlmParameters, type EngineConfig } from './LlmParameters.js';
export { loadReplyEngine, isNoModel } from './loadReplyEngine.js';
export { LlamaEngine, type LlamaEngineOptions, type EngineLogLevel } from './engine/LlamaEngine.js';
export { checkModelFile, checkModelFileHead } from './engine/checkModelFile.js';
export { FallbackResponder, type FallbackResponderOptions } from './fallback/FallbackResponder.js';
export { replyBank, type BankReply } from './fallback/replyBank.js';
export { detectTopics, Topics as FallbackTopics, type Topic } from './fallback/topics.js';
export { ReplyAssembler } from './ReplyAssembler.js';
export { SentenceSplitter } from './SentenceSplitter.js';
export {
  EsconvStrategies,
  resolveStrategy,
  stripStrategyTag,
  type EsconvStrategy,
  type StrippedTag,
} from './strategies.js';
export { defaultPersonaPrompt } from './persona.js';
export { physicalCoreCount } from './physicalCoreCount.js';
export {
  defaultSampling,
  type ContextStrategy,
  type ReplyOptions,
  type ReplyRequest,
  type ReplyResult,
  type ReplyEngine,
  type ReplySentence,
  type SamplingOptions,
} from './types.js';
export { ModelFileError } from './errors/ModelFileError.js';
export { ModelFileNotFoundError } from './errors/ModelFileNotFoundError.js';
export { InvalidModelMagicError } from './errors/InvalidModelMagicError.js';
export { TruncatedModelError } from './errors/TruncatedModelError.js';
export { ModelLoadError } from './errors/ModelLoadError.js';
export { modelHelp } from './errors/modelHelp.js';
