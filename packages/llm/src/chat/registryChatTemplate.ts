import { registryEntryFor, type RegistryLookupOptions } from '../registry/registryEntryFor.js';

/**
 * The chat template family the model registry gives for a model file, recognised by its file
 * name (`file` in models/registry.yaml), or '' when the registry does not list it. Used when the
 * llm parameter chat_template is empty: a GGUF without a template of its own then still gets its
 * family's format. A registry that cannot be read gives '' (with the reason to `onError`), never
 * a failed load.
 */
export async function registryChatTemplate(
  modelPath: string,
  options: RegistryLookupOptions = {},
): Promise<string> {
  return (await registryEntryFor(modelPath, options))?.entry.chat_template ?? '';
}
