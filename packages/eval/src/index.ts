// Data
export type { Dialogue, EvalDataset, EvalExample, Speaker, Utterance } from './data/types.js';
export {
  parseEsconvShort,
  parseShortLine,
  type NumberedUtterance,
} from './data/readEsconvShort.js';
export { parseEsconvJson } from './data/readEsconvJson.js';
export { parseExtesJson } from './data/readExtesJson.js';
export { dialogueExamples } from './data/dialogueExamples.js';
export { loadDataset, loadDialogues } from './data/loadDataset.js';
export { canonicalStrategy, splitStrategyTag, type TaggedText } from './data/strategyTag.js';

// Errors
export { DatasetError } from './errors/DatasetError.js';
export { DatasetNotFoundError } from './errors/DatasetNotFoundError.js';
export { PredictionsError } from './errors/PredictionsError.js';
export { EvalModelError } from './errors/EvalModelError.js';

// Metrics
export { wordTokens } from './metrics/wordTokens.js';
export { corpusBleu } from './metrics/bleu.js';
export { rougeN, rougeL, lcsLength, meanOf } from './metrics/rouge.js';
export { distinctN } from './metrics/distinct.js';
export { strategyScores, type StrategyScores } from './metrics/strategyScores.js';
export {
  corpusPerplexity,
  scoreReplies,
  type MetricSummary,
  type ScoredReply,
} from './metrics/scoreReplies.js';

// History
export { compressHistory } from './history/compressHistory.js';

// Model
export {
  EvalModel,
  type EvalModelOptions,
  type GenerationSettings,
  type Generated,
  type GoldLikelihood,
} from './model/EvalModel.js';
export { toChatHistory } from './model/chatHistory.js';

// Running and reporting
export {
  Checkpoint,
  CheckpointMismatchError,
  type CheckpointRecord,
  type QualityKey,
  type QualityValue,
} from './run/Checkpoint.js';
export { Progress, formatDuration } from './run/Progress.js';
export { readPredictions } from './run/readPredictions.js';
export {
  runEvaluation,
  type EvaluationOptions,
  type HistoryMode,
  type ModelRun,
  type SystemResult,
} from './run/runEvaluation.js';
export { writeReport, renderMarkdown, type ReportInput } from './report/writeReport.js';
export { referencePoints, type ReferencePoint } from './report/references.js';
export { barChart, type BarSeries } from './report/barChart.js';
export { latencyHistogram, binCounts } from './report/histogram.js';
export { contextChart, type ContextSeries } from './report/contextChart.js';
export { lineChart, type LineChartAxes, type LineSeries } from './report/lineChart.js';

// Utterances per context strategy (the thesis' figures 6.2 and 6.3)
export { shortSplitDialogues } from './context/shortSplitDialogues.js';
export { loadContextDialogues } from './context/loadContextDialogues.js';
export {
  ContextStrategies,
  measureContextFit,
  type ContextFit,
  type ContextFitOptions,
  type ContextFitRow,
  type ContextStrategyName,
  type StrategyFit,
} from './context/measureContextFit.js';
export {
  renderContextMarkdown,
  writeContextReport,
  type ContextReportInput,
} from './context/writeContextReport.js';

// Fine-tuning data
export {
  ChatTemplateNames,
  renderChat,
  type ChatMessage,
  type ChatTemplateName,
  type RenderedExample,
} from './sft/chatTemplates.js';
export { buildSft, type SftExample, type SftOptions, type SftSplit } from './sft/buildSft.js';
export { lengthStats, type LengthStats } from './sft/lengthStats.js';
export { Tokenizer } from './sft/Tokenizer.js';
export { writeSft, type SftStats } from './sft/writeSft.js';

// Embedding similarity and the LLM judge
export { EmbeddingScorer, cosineSimilarity } from './quality/EmbeddingScorer.js';
export { JudgeError, type Judge } from './quality/Judge.js';
export {
  JudgeCriteria,
  judgePrompt,
  judgeSchema,
  judgeSystemPrompt,
  parseJudgeScores,
  type JudgeCriterion,
  type JudgeScores,
} from './quality/judgeRubric.js';
export { LocalJudge } from './quality/LocalJudge.js';
export { OpenAiJudge, type OpenAiJudgeOptions } from './quality/OpenAiJudge.js';
export {
  scoreQuality,
  type JudgeSummary,
  type QualityOptions,
  type QualityScores,
} from './quality/scoreQuality.js';
