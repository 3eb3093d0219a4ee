import type { BenchReport, TurnTiming } from './benchTypes.js';

const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const fixed = (value: number, digits = 2) =>
  Number.isFinite(value) ? value.toFixed(digits) : 'n/a';

function turnRow(label: string, timing: TurnTiming | undefined): string {
  if (timing === undefined) return `| ${label} | n/a | n/a | n/a | n/a |`;
  return `| ${label} | ${ms(timing.firstTokenMs)} | ${timing.promptTokensEvaluated} | ${fixed(timing.tokensPerSecond, 1)} | ${ms(timing.totalMs)} |`;
}

/** The report as a markdown page: what was measured, on what, and the ratios that matter. */
export function formatBenchMarkdown(report: BenchReport): string {
  const { machine, settings, model, bandwidth, decode, firstToken, overhead } = report;
  const hearthFirst = firstToken.hearthTurns[0];
  const hearthLast = firstToken.hearthTurns.find((turn) => turn.turn === firstToken.lastTurn);
  const freshFirst = firstToken.freshSessionTurns.find((turn) => turn.turn === 1);
  const freshLast = firstToken.freshSessionTurns.find((turn) => turn.turn === firstToken.lastTurn);
  const lines = [
    `# Hearth benchmark: ${settings.shape} ${settings.quantization}`,
    '',
    `Run ${report.startedAt}, ${fixed(report.durationSeconds, 0)} s. Shape model: real architecture and tensor sizes, random weights (speed is faithful, text is not).`,
    '',
    '## Machine',
    '',
    `- CPU: ${machine.cpu}, ${machine.physicalCores} physical core(s), ${machine.logicalCpus} logical; ${gb(machine.memoryBytes)} memory; ${machine.platform}; Node ${machine.node}`,
    `- Threads used: ${settings.threads}; load average (1 min) ${fixed(machine.loadAverage[0])} at the start, ${fixed(machine.loadAverage[1])} at the end`,
    `- Model: ${model.architecture}, ${fixed(model.parameters / 1e6, 1)} M parameters, ${gb(model.tensorBytes)} of tensors (${model.generatedSeconds === null ? 'cached' : `generated in ${fixed(model.generatedSeconds, 1)} s`})`,
    '',
    '## Decoding against the memory-bandwidth limit',
    '',
    '| measure | value |',
    '| --- | --- |',
    `| memory bandwidth (${bandwidth.method}) | ${gb(bandwidth.bytesPerSecond)}/s (read with ${bandwidth.threads} thread(s): ${gb(bandwidth.parallelReadBytesPerSecond)}/s, copy: ${gb(bandwidth.copyBytesPerSecond)}/s) |`,
    `| bytes read per token | ${gb(model.bytesReadPerToken)} |`,
    `| limit = bandwidth / bytes per token | ${fixed(decode.limitTokensPerSecond, 1)} tokens/s |`,
    `| measured decode (node-llama-cpp, ${decode.tokens} tokens) | ${fixed(decode.tokensPerSecond, 1)} tokens/s |`,
    `| **measured / limit** | **${fixed(decode.ratioToLimit)}** |`,
    '',
    ...threadScalingSection(report),
    `## Time to first token, turn 1 and turn ${firstToken.lastTurn}`,
    '',
    `${settings.maxTokensPerTurn} new tokens per reply, greedy. "Hearth" keeps one KV cache for the session and evaluates only each turn's new tokens; "fresh session" is node-llama-cpp given the whole history on a new context, as a stateless server would.`,
    '',
    '| turn, side | first token | prompt tokens evaluated | tokens/s | total |',
    '| --- | --- | --- | --- | --- |',
    turnRow('1, Hearth (KV reuse)', hearthFirst),
    turnRow('1, fresh session', freshFirst),
    turnRow(`${firstToken.lastTurn}, Hearth (KV reuse)`, hearthLast),
    turnRow(`${firstToken.lastTurn}, fresh session`, freshLast),
    '',
    `**KV reuse makes the first token at turn ${firstToken.lastTurn} ${fixed(firstToken.reuseSpeedupAtLastTurn, 1)}× sooner.**`,
    '',
    `## Hearth's overhead against node-llama-cpp directly`,
    '',
    `One fresh turn, same prompt, same model, same run; field-by-field medians of ${overhead.repetitions} alternating repetitions (each repetition is in the JSON).`,
    '',
    '| side | first token | prompt tokens | tokens/s | total |',
    '| --- | --- | --- | --- | --- |',
    turnRow('node-llama-cpp', overhead.direct),
    turnRow('Hearth LlamaEngine (model_process: inline)', overhead.hearth),
    ...(overhead.workerProcess
      ? [turnRow('Hearth WorkerEngine (model_process: child)', overhead.workerProcess.median)]
      : []),
    '',
    `Hearth inline ÷ direct: first token **${fixed(overhead.firstTokenRatio)}**, total **${fixed(overhead.totalRatio)}**, tokens/s **${fixed(overhead.tokensPerSecondRatio)}** (1.00 = no overhead).`,
    ...(overhead.workerProcess
      ? [
          '',
          `Hearth worker process ÷ direct (the direct turns it alternated with, after the inline engine was unloaded: first token ${ms(overhead.workerProcess.direct.firstTokenMs)}, total ${ms(overhead.workerProcess.direct.totalMs)}): first token **${fixed(overhead.workerProcess.firstTokenRatio)}**, total **${fixed(overhead.workerProcess.totalRatio)}**, tokens/s **${fixed(overhead.workerProcess.tokensPerSecondRatio)}**.`,
        ]
      : [
          '',
          'The worker-process side (model_process: child) was skipped: the worker is not built, ' +
            'or free memory could not hold a second copy of the model (the log says which).',
        ]),
    '',
    '## Every turn (Hearth)',
    '',
    '| turn | first token | prompt tokens evaluated | generated | tokens/s |',
    '| --- | --- | --- | --- | --- |',
    ...firstToken.hearthTurns.map(
      (turn) =>
        `| ${turn.turn} | ${ms(turn.firstTokenMs)} | ${turn.promptTokensEvaluated} | ${turn.generatedTokens} | ${fixed(turn.tokensPerSecond, 1)} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

/** The thread-scaling table, when it was measured. */
function threadScalingSection(report: BenchReport): string[] {
  const scaling = report.threadScaling;
  if (!scaling || scaling.points.length === 0) return [];
  const fewest = scaling.points[0]?.threads ?? 1;
  return [
    '## Threads',
    '',
    `node-llama-cpp directly, the best of its runs: ${scaling.decodeTokens} decoded tokens (memory-bound) and a ${scaling.promptTokens}-token prompt evaluated in one batch (compute-bound), at each thread count. Ratios are to ${fewest} thread(s): above 1 means more threads pay on this machine as it was loaded during the run.`,
    '',
    '| threads | decode tokens/s | decode ratio | prompt tokens/s | prompt ratio |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...scaling.points.map(
      (p) =>
        `| ${p.threads} | ${fixed(p.decodeTokensPerSecond, 1)} | **${fixed(p.decodeRatio)}** | ${fixed(p.promptTokensPerSecond, 1)} | **${fixed(p.promptRatio)}** |`,
    ),
    '',
  ];
}
