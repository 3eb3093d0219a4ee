import type { GraphNode } from '@hearth/graph';
import { SttParameters } from '../../parameters.js';
import { LineProtocolRecognizer } from './LineProtocolRecognizer.js';
import type { LocalRecognizer } from './LocalRecognizer.js';
import { LINE_FORMATS, type LineFormat } from './parseRecognizerLine.js';
import { UnconfiguredRecognizer } from './UnconfiguredRecognizer.js';

/** The default recognizer: an external process configured by the local_* parameters. */
export function localRecognizerFromParameters(node: GraphNode): LocalRecognizer {
  const command = node.declareParameter(SttParameters.localCommand, '', {
    description:
      'Local engine: the recognizer program (reads 16 kHz s16le PCM on stdin, prints results on stdout).',
    readOnly: true,
  });
  const args = node.declareParameter<string[]>(SttParameters.localArgs, [], {
    description:
      'Local engine: its arguments; {language}, {lang} and {phrases} are replaced at start.',
    kind: 'string_array',
    readOnly: true,
  });
  const format = node.declareParameter(SttParameters.localFormat, 'jsonl', {
    description: 'Local engine: jsonl (partial and final JSON lines) or lines (each line a final).',
    choices: LINE_FORMATS,
    readOnly: true,
  }) as LineFormat;
  const endpointSilenceMs = node.declareParameter(SttParameters.localEndpointSilenceMs, 600, {
    description:
      'Local engine: silence written to the recognizer when voice activity ends, so its own endpointing ends the utterance (ms; 0: none).',
    range: { min: 0, max: 5000 },
    readOnly: true,
  });
  if (command.trim() === '') return new UnconfiguredRecognizer();
  return new LineProtocolRecognizer({
    command,
    args,
    format,
    endpointSilenceMs,
    logger: node.logger,
  });
}
