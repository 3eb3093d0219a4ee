import {
  ChatMLChatWrapper,
  Llama2ChatWrapper,
  Llama3ChatWrapper,
  MistralChatWrapper,
  TemplateChatWrapper,
  type ChatWrapper,
} from 'node-llama-cpp';
import { UnknownChatTemplateError } from '../errors/UnknownChatTemplateError.js';

/**
 * Chat template families for models whose GGUF carries no template of its own, by the names
 * the model registry uses. Each maps to node-llama-cpp's wrapper for that format; Phi-3 has no
 * dedicated wrapper, so its format is spelled out as a template.
 */
const families = {
  chatml: () => new ChatMLChatWrapper(),
  llama2: () => new Llama2ChatWrapper(),
  mistral: () => new MistralChatWrapper(),
  llama3: () => new Llama3ChatWrapper(),
  phi3: () =>
    new TemplateChatWrapper({
      template:
        '<|system|>\n{{systemPrompt}}<|end|>\n{{history}}<|assistant|>\n{{completion}}<|end|>\n',
      historyTemplate: {
        system: '<|system|>\n{{message}}<|end|>\n',
        user: '<|user|>\n{{message}}<|end|>\n',
        model: '<|assistant|>\n{{message}}<|end|>\n',
      },
    }),
} satisfies Record<string, () => ChatWrapper>;

export type ChatTemplateFamily = keyof typeof families;
export const chatTemplateFamilies = Object.keys(families) as ChatTemplateFamily[];

/** Throws UnknownChatTemplateError, listing the families, for a name that is not one. */
export function checkChatTemplateFamily(name: string): ChatTemplateFamily {
  const family = name.trim().toLowerCase();
  if (!(chatTemplateFamilies as string[]).includes(family)) {
    throw new UnknownChatTemplateError(name, chatTemplateFamilies);
  }
  return family as ChatTemplateFamily;
}

/**
 * The chat wrapper for a model: node-llama-cpp's own resolution ("auto", which reads the GGUF's
 * `tokenizer.chat_template`) when the file has a template or no family is configured, else the
 * configured family's wrapper.
 */
export function chatWrapperFor(family: string, modelHasTemplate: boolean): ChatWrapper | 'auto' {
  if (family.trim() === '') return 'auto';
  const checked = checkChatTemplateFamily(family);
  return modelHasTemplate ? 'auto' : families[checked]();
}
