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

/** Renders one template: the history as the tokenizer's template writes it, then the reply. */
type Renderer = (system: string, history: readonly ChatMessage[], reply: string) => RenderedExample;

// ChatML as teknium/OpenHermes-2.5-Mistral-7B's (and Qwen's) template writes it.
const chatml: Renderer = (system, history, reply) => {
  const turn = (role: string, text: string): string => `<|im_start|>${role}\n${text}<|im_end|>\n`;
  const prompt =
    (system ? turn('system', system) : '') +
    history.map((m) => turn(m.role, m.content)).join('') +
    '<|im_start|>assistant\n';
  return { prompt, completion: `${reply}<|im_end|>\n` };
};

// microsoft/Phi-3-mini-4k-instruct's template with a system role: BOS once, and the assistant's
// opening written right after every user message (not only for the generation prompt).
const phi3: Renderer = (system, history, reply) => {
  let prompt = '<s>' + (system ? `<|system|>\n${system}<|end|>\n` : '');
  for (const message of history) {
    prompt +=
      message.role === 'user'
        ? `<|user|>\n${message.content}<|end|>\n<|assistant|>\n`
        : `${message.content}<|end|>\n`;
  }
  return { prompt, completion: `${reply}<|end|>\n` };
};

// mistralai/Mistral-7B-Instruct-v0.2's template: BOS once, `[INST] user [/INST]` with spaces
// inside the markers only, the answer glued to `[/INST]` and followed by EOS with no space.
// That template has no system role; the system prompt opens the first user message, separated
// by a blank line, as Mistral's later templates and node-llama-cpp's MistralChatWrapper do.
const mistral: Renderer = (system, history, reply) => {
  let prompt = '<s>';
  history.forEach((message, index) => {
    if (message.role === 'user') {
      const text = index === 0 && system ? `${system}\n\n${message.content}` : message.content;
      prompt += `[INST] ${text} [/INST]`;
    } else {
      prompt += `${message.content}</s>`;
    }
  });
  return { prompt, completion: `${reply}</s>` };
};

// meta-llama/Llama-2-7b-chat-hf's template: BOS before every `[INST]`, the system prompt in
// <<SYS>> markers inside the first one, every message stripped of surrounding whitespace, and
// the answer between single spaces before EOS.
const llama2: Renderer = (system, history, reply) => {
  let prompt = '';
  history.forEach((message, index) => {
    if (message.role === 'user') {
      const text =
        index === 0 && system
          ? `<<SYS>>\n${system}\n<</SYS>>\n\n${message.content}`
          : message.content;
      prompt += `<s>[INST] ${text.trim()} [/INST]`;
    } else {
      prompt += ` ${message.content.trim()} </s>`;
    }
  });
  return { prompt, completion: ` ${reply.trim()} </s>` };
};

const renderers: Readonly<Record<ChatTemplateName, Renderer>> = { chatml, phi3, mistral, llama2 };

/**
 * Renders a system prompt, an alternating user/assistant history that starts with the user and
 * the target reply in a model family's chat format, character for character as its tokenizer's
 * chat template does: `prompt + completion` is the template applied to the whole conversation,
 * `prompt` the template applied to the history with the generation prompt (the tests render
 * the published Jinja templates to check this). BOS (`<s>`) is written as text where the
 * template writes it; trainers that add BOS themselves should strip the leading one.
 */
export function renderChat(
  template: ChatTemplateName,
  system: string,
  history: readonly ChatMessage[],
  reply: string,
): RenderedExample {
  return renderers[template](system, history, reply);
}
