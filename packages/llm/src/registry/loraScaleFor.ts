import { basename } from 'node:path';
import { LORA_SCALE_DEFAULT } from '../LlmParameters.js';
import type { RegistryMatch } from './registryEntryFor.js';

/**
 * The scale an adapter runs at: lora_scale when the operator set it (not -1), else the
 * `default_scale` of the registry adapter with this file name under the loaded model's entry
 * (adapters are trained for a model, so only that entry's list is searched), else 1.
 */
export function loraScaleFor(
  loraPath: string,
  explicitScale: number | undefined,
  model: RegistryMatch | undefined,
): number {
  if (explicitScale !== undefined) return explicitScale;
  const file = basename(loraPath);
  const adapter = model?.entry.adapters.find((candidate) => candidate.file === file);
  return adapter?.default_scale ?? LORA_SCALE_DEFAULT;
}
