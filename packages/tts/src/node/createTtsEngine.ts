import type { GraphNode } from '@hearth/graph';
import {
  AZURE_DEFAULT_STYLE,
  AZURE_DEFAULT_VOICE,
  AzureTtsEngine,
} from '../engine/azure/AzureTtsEngine.js';
import type { AzureSynthesizerFactory } from '../engine/azure/AzureSynthesizer.js';
import { azureCredentials } from '../engine/azure/azureCredentials.js';
import { EspeakEngine } from '../engine/EspeakEngine.js';
import type { TtsEngine } from '../engine/TtsEngine.js';

export const TTS_ENGINES = ['espeak-ng', 'azure'] as const;
export type TtsEngineName = (typeof TTS_ENGINES)[number];

export interface CreateTtsEngineOptions {
  /** Where AZURE_SPEECH_KEY and AZURE_SPEECH_REGION are read; default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Tests: a fake of the SDK's synthesizer. */
  readonly createAzureSynthesizer?: AzureSynthesizerFactory;
}

/**
 * Declares the tts node's engine parameters (`engine`, `azure_voice`, `azure_style`,
 * `azure_style_degree`) and makes the engine they name. The engine is chosen once, at start
 * (Azure's credentials are checked then, so a missing key stops the start with the fix); the
 * voice and style are read per utterance.
 */
export function createTtsEngine(node: GraphNode, options: CreateTtsEngineOptions = {}): TtsEngine {
  node.declareParameter('engine', 'espeak-ng', {
    description:
      'Speech engine: espeak-ng (offline) or azure (needs AZURE_SPEECH_KEY and AZURE_SPEECH_REGION).',
    kind: 'string',
    choices: TTS_ENGINES,
    readOnly: true,
  });
  node.declareParameter('azure_voice', AZURE_DEFAULT_VOICE, {
    description: 'Azure neural voice used when `voice` is not an Azure voice name.',
    kind: 'string',
  });
  node.declareParameter('azure_style', AZURE_DEFAULT_STYLE, {
    description: "Azure speaking style (mstts:express-as), e.g. empathetic, gentle; '' for none.",
    kind: 'string',
  });
  node.declareParameter('azure_style_degree', 1.0, {
    description: 'How strongly the Azure style shows, 0.01 to 2.',
    kind: 'double',
    range: { min: 0.01, max: 2 },
  });
  if (String(node.getParameter('engine')) !== 'azure') {
    return new EspeakEngine({ log: (message) => node.logger.warn(message) });
  }
  return new AzureTtsEngine({
    credentials: azureCredentials(options.env ?? process.env),
    voice: () => String(node.getParameter('azure_voice')),
    style: () => String(node.getParameter('azure_style')),
    styleDegree: () => Number(node.getParameter('azure_style_degree')),
    ...(options.createAzureSynthesizer === undefined
      ? {}
      : { createSynthesizer: options.createAzureSynthesizer }),
  });
}
