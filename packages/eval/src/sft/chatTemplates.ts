/** A chat message for fine-tuning. */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export const ChatTemplateNames = ['chatml', 'mistral', 'llama2', 'phi3'] as const;
export type ChatTemplateName = (typeof ChatTemplateNames)[number];

export interface RenderedExample {
  /** Everything before the reply, ending with the assistant's opening. */
  readonly prompt: string;
  /** The reply and the template's end-of-turn marker: what the loss is computed on. */
  readonly completion: string;
}

/**
 * Renders a system prompt, an alternating user/assistant history that starts with the user and
 * the target reply in a model family's chat format, as their tokenizers' chat templates do. The
 * BOS token `<s>` is written as text for Mistral and Llama-2 because their published templates
 * include it per turn; trainers that add BOS themselves should strip the leading one.
 */
export function renderChat(
  template: ChatTemplateName,
  system: string,
  history: readonly ChatMessage[],
  reply: string,
): RenderedExample {
  switch (template) {
    case 'chatml': {
      const turn = (role: string, text: string): string =>
        `<|im_start|>${role}\n${text}<|im_end|>\n`;
      const prompt =
        (system ? turn('system', system) : '') +
        history.map((m) => turn(m.role, m.content)).join('') +
        '<|im_start|>assistant\n';
      return { prompt, completion: `${reply}<|im_end|>\n` };
    }
    case 'phi3': {
      const turn = (role: string, text: string): string => `<|${role}|>\n${text}<|end|>\n`;
      const prompt =
        (system ? turn('system', system) : '') +
        history.map((m) => turn(m.role, m.content)).join('') +
        '<|assistant|>\n';
      return { prompt, completion: `${reply}<|end|>\n` };
    }
    case 'mistral':
    case 'llama2': {
      // Both: `<s>[INST] user [/INST] answer</s>` per exchange. Mistral has no system role, so the
      // system prompt opens the first user message; Llama-2 wraps it in <<SYS>> markers.
      let prompt = '';
      history.forEach((message, index) => {
        if (message.role === 'user') {
          const first = index === 0 && system;
          const header = !first
            ? ''
            : template === 'llama2'
              ? `<<SYS>>\n${system}\n<</SYS>>\n\n`
              : `${system}\n\n`;
          prompt += `<s>[INST] ${header}${message.content} [/INST]`;
        } else {
          prompt += ` ${message.content} </s>`;
        }
      });
      return { prompt, completion: ` ${reply} </s>` };
    }
  }
}
