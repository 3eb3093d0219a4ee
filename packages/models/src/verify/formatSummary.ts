import { formatBytes, formatCount } from './formatBytes.js';
import type { GgufSummary } from './summarizeGguf.js';

/** The summary as aligned "label  value" lines for the terminal. */
export function formatSummary(summary: GgufSummary): string {
  const rows: [string, string][] = [
    ['file', summary.file],
    ['status', 'OK: header, tensor table and size are consistent'],
    ['architecture', summary.architecture],
    ['name', summary.name || '(none)'],
    ['parameters', `${formatCount(summary.parameters)} (${summary.parameters})`],
    ['quantization', summary.quantization],
    [
      'context length',
      summary.contextLength === undefined ? '(not stated)' : String(summary.contextLength),
    ],
    ['layers', summary.layers === undefined ? '(not stated)' : String(summary.layers)],
    [
      'vocabulary',
      summary.vocabularySize === undefined ? '(none)' : String(summary.vocabularySize),
    ],
    [
      'chat template',
      summary.hasChatTemplate ? 'in the file' : 'absent (the registry’s family is used)',
    ],
    ['tensors', `${summary.tensorCount} (${formatBytes(summary.tensorBytes)} of data)`],
    ['file size', `${formatBytes(summary.fileSize)} (${summary.fileSize} bytes)`],
    ['GGUF version', String(summary.ggufVersion)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n') + '\n';
}
