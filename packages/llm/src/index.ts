export {
  LlmNode,
  defaultSessionId,
  FALLBACK_MODEL_NAME,
  type LlmNodeOptions,
  type LlmNodeCreateOptions,
} from './LlmNode.js';
export {
  LlmParameters,
  LORA_SCALE_UNSET,
  modelProcesses,
  type EngineConfig,
  type ModelProcess,
} from './LlmParameters.js';
export { loadReplyEngine, isNoModel, type LoadReplyEngineOptions } from './loadReplyEngine.js';
export { LlamaEngine, type LlamaEngineOptions, type EngineLogLevel } from './engine/LlamaEngine.js';
export { loadLlama, type LoadLlamaOptions } from './engine/loadLlama.js';
export { checkModelFile, checkModelFileHead } from './engine/checkModelFile.js';
export { FallbackResponder, type FallbackResponderOptions } from './fallback/FallbackResponder.js';
export { replyBank, type BankReply } from './fallback/replyBank.js';
export { carefulBank } from './fallback/carefulBank.js';
export { detectTopics, Topics as FallbackTopics, type Topic } from './fallback/topics.js';
export {
  HUMAN_CONTACT_NUDGE,
  asksForHumanContact,
  humanContactBank,
  type NudgeReply,
} from './fallback/humanContactNudge.js';
export { ReplyAssembler, type AssembledSentence } from './ReplyAssembler.js';
export { SentenceSplitter, type SentenceSpan } from './SentenceSplitter.js';
export { TagFilter, type TagFilterOutput } from './TagFilter.js';
export {
  EsconvStrategies,
  ExtesStrategies,
  resolveStrategy,
  stripStrategyTag,
  type EsconvStrategy,
  type ExtesStrategy,
  type ReplyStrategy,
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
export { LoraAdapterError } from './errors/LoraAdapterError.js';
export { InvalidLoraScaleError } from './errors/InvalidLoraScaleError.js';
export { UnknownChatTemplateError } from './errors/UnknownChatTemplateError.js';
export { ModelTooBigError } from './errors/ModelTooBigError.js';
export { ModelSizeMismatchError } from './errors/ModelSizeMismatchError.js';
export { ModelChecksumMismatchError } from './errors/ModelChecksumMismatchError.js';
export {
  availableMemoryBytes,
  checkMemory,
  defaultMemoryMarginBytes,
  estimateMemory,
  type MemoryEstimate,
  type MemoryLimit,
} from './engine/memoryEstimate.js';
export { registryChatTemplate } from './chat/registryChatTemplate.js';
export { registryEntryFor, type RegistryMatch } from './registry/registryEntryFor.js';
export { checkRegistrySize } from './engine/checkRegistrySize.js';
export { interruptionNote, withHeardReply } from './context/heardReply.js';
export { ModelWorkerError } from './errors/ModelWorkerError.js';
export { ModelWorkerExitedError } from './errors/ModelWorkerExitedError.js';
export { ModelWorkerDownError } from './errors/ModelWorkerDownError.js';
export {
  ContextStrategyNames,
  defaultContextOptions,
  isContextStrategyName,
  type ContextOptions,
  type ContextStrategyName,
} from './context/ContextOptions.js';
export { stripStopwords, isStopword, isNegation, negationWords } from './context/stopwords.js';
export {
  utterancesThatFit,
  type UtteranceFit,
  type UtteranceFitOptions,
} from './context/utterancesThatFit.js';
export {
  chatTemplateFamilies,
  chatWrapperFor,
  checkChatTemplateFamily,
  type ChatTemplateFamily,
} from './chat/chatTemplateFamilies.js';
export {
  WorkerEngine,
  type WorkerEngineOptions,
  type RestartPolicy,
} from './worker/WorkerEngine.js';
export { resolveWorkerEntry } from './worker/resolveWorkerEntry.js';
export { type LoraOptions } from './engine/ModelSession.js';
