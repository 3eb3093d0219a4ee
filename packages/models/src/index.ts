// Registry
export {
  CHAT_TEMPLATE_FAMILIES,
  adapterSchema,
  modelEntrySchema,
  registrySchema,
  type AdapterEntry,
  type ChatTemplateFamily,
  type ModelEntry,
} from './registry/registrySchema.js';
export { ModelRegistry } from './registry/ModelRegistry.js';
export {
  DEFAULT_REGISTRY_FILE,
  REGISTRY_ENV,
  loadRegistry,
  parseRegistry,
  registryFileFrom,
} from './registry/loadRegistry.js';

// Installing
export { MODELS_DIR_ENV, resolveModelsDir } from './install/modelsDir.js';
export {
  listInstalled,
  type InstallState,
  type InstalledModels,
  type RegistryModelStatus,
} from './install/listInstalled.js';
export { silentProgress, type DownloadProgress } from './pull/DownloadProgress.js';
export { TerminalProgress } from './pull/TerminalProgress.js';
export { formatEta, formatProgressLine, type ProgressLineState } from './pull/progressLine.js';
export {
  downloadFile,
  partialPathOf,
  type DownloadFileOptions,
  type DownloadResult,
} from './pull/downloadFile.js';
export { pullModel, type PullModelOptions, type PulledFile } from './pull/pullModel.js';
export { sha256File } from './pull/sha256File.js';

// Verifying
export { verifyModelFile } from './verify/verifyModelFile.js';
export { verifyChecksum, type ChecksumResult } from './verify/verifyChecksum.js';
export { summarizeGguf, type GgufSummary } from './verify/summarizeGguf.js';
export { formatSummary } from './verify/formatSummary.js';
export {
  VERIFIED_MARKER_SUFFIX,
  hasVerifiedMarker,
  verifiedMarkerPath,
  writeVerifiedMarker,
  type VerifiedMarker,
} from './verify/verifiedMarker.js';
export { formatBytes, formatCount } from './verify/formatBytes.js';
export { llamaFileTypeName } from './verify/llamaFileTypes.js';

// Errors
export { ChecksumMismatchError } from './errors/ChecksumMismatchError.js';
export { DownloadInterruptedError } from './errors/DownloadInterruptedError.js';
export { DownloadSizeMismatchError } from './errors/DownloadSizeMismatchError.js';
export { FileNotInRegistryError } from './errors/FileNotInRegistryError.js';
export { InstalledFileMismatchError } from './errors/InstalledFileMismatchError.js';
export { HttpStatusError } from './errors/HttpStatusError.js';
export { ModelFileMissingError } from './errors/ModelFileMissingError.js';
export { RegistryError } from './errors/RegistryError.js';
export { UnknownModelError } from './errors/UnknownModelError.js';
export { UnverifiedDownloadError } from './errors/UnverifiedDownloadError.js';
