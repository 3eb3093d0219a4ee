// The SFT chat formats checked against the models' own tokenizer chat templates: the Jinja
// sources below are copied from each model's published tokenizer_config.json `chat_template`
// and rendered with @huggingface/jinja (the Jinja engine transformers.js uses), as
// transformers' apply_chat_template would.
import { describe, expect, it } from '@jest/globals';
import { Template } from '@huggingface/jinja';
import { renderChat, type ChatMessage, type ChatTemplateName } from '../src/sft/chatTemplates.js';

// mistralai/Mistral-7B-Instruct-v0.2 (no system role: the system prompt is merged by hand).
const mistralV02 = String.raw`{{ bos_token }}{% for message in messages %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}{% if message['role'] == 'user' %}{{ '[INST] ' + message['content'] + ' [/INST]' }}{% elif message['role'] == 'assistant' %}{{ message['content'] + eos_token}}{% else %}{{ raise_exception('Only user and assistant roles are supported!') }}{% endif %}{% endfor %}`;

// meta-llama/Llama-2-7b-chat-hf
const llama2Chat = String.raw`{% if messages[0]['role'] == 'system' %}{% set loop_messages = messages[1:] %}{% set system_message = messages[0]['content'] %}{% else %}{% set loop_messages = messages %}{% set system_message = false %}{% endif %}{% for message in loop_messages %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}{% if loop.index0 == 0 and system_message != false %}{% set content = '<<SYS>>\n' + system_message + '\n<</SYS>>\n\n' + message['content'] %}{% else %}{% set content = message['content'] %}{% endif %}{% if message['role'] == 'user' %}{{ bos_token + '[INST] ' + content.strip() + ' [/INST]' }}{% elif message['role'] == 'assistant' %}{{ ' '  + content.strip() + ' ' + eos_token }}{% endif %}{% endfor %}`;

// microsoft/Phi-3-mini-4k-instruct (the revision with a system role)
const phi3Mini = String.raw`{{ bos_token }}{% for message in messages %}{% if (message['role'] == 'system') %}{{'<|system|>' + '\n' + message['content'] + '<|end|>' + '\n'}}{% elif (message['role'] == 'user') %}{{'<|user|>' + '\n' + message['content'] + '<|end|>' + '\n' + '<|assistant|>' + '\n'}}{% elif message['role'] == 'assistant' %}{{message['content'] + '<|end|>' + '\n'}}{% endif %}{% endfor %}`;

// teknium/OpenHermes-2.5-Mistral-7B (ChatML)
const chatml = String.raw`{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}`;

const published: Record<ChatTemplateName, { source: string; bos: string; eos: string }> = {
  mistral: { source: mistralV02, bos: '<s>', eos: '</s>' },
  llama2: { source: llama2Chat, bos: '<s>', eos: '</s>' },
  phi3: { source: phi3Mini, bos: '<s>', eos: '<|endoftext|>' },
  chatml: { source: chatml, bos: '<s>', eos: '<|im_end|>' },
};

/** What apply_chat_template(messages, add_generation_prompt) returns as text. */
function applyPublished(
  name: ChatTemplateName,
  system: string,
  messages: readonly ChatMessage[],
  addGenerationPrompt: boolean,
): string {
  const { source, bos, eos } = published[name];
  let all: ChatMessage[] = [...messages];
  if (system && name === 'mistral') {
    // The v0.2 template refuses a system message: it opens the first user message instead.
    const [first, ...rest] = all;
    all = [{ role: 'user', content: `${system}\n\n${first?.content ?? ''}` }, ...rest];
  } else if (system) {
    all = [{ role: 'system', content: system }, ...all];
  }
  return new Template(source).render({
    messages: all,
    bos_token: bos,
    eos_token: eos,
    add_generation_prompt: addGenerationPrompt,
  });
}

const history: ChatMessage[] = [
  { role: 'user', content: 'Hi' },
  { role: 'assistant', content: 'Hello' },
  { role: 'user', content: 'Sad' },
];

describe('renderChat', () => {
  it('writes each family exactly as its tokenizer template, on a fixed example', () => {
    expect(renderChat('mistral', 'S', history, 'R')).toEqual({
      prompt: '<s>[INST] S\n\nHi [/INST]Hello</s>[INST] Sad [/INST]',
      completion: 'R</s>',
    });
    expect(renderChat('mistral', '', history, 'R').prompt).toBe(
      '<s>[INST] Hi [/INST]Hello</s>[INST] Sad [/INST]',
    );
    expect(renderChat('llama2', 'S', history, 'R')).toEqual({
      prompt: '<s>[INST] <<SYS>>\nS\n<</SYS>>\n\nHi [/INST] Hello </s><s>[INST] Sad [/INST]',
      completion: ' R </s>',
    });
    expect(renderChat('phi3', 'S', history, 'R')).toEqual({
      prompt:
        '<s><|system|>\nS<|end|>\n<|user|>\nHi<|end|>\n<|assistant|>\nHello<|end|>\n<|user|>\nSad<|end|>\n<|assistant|>\n',
      completion: 'R<|end|>\n',
    });
    expect(renderChat('chatml', 'S', history, 'R')).toEqual({
      prompt:
        '<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello<|im_end|>\n<|im_start|>user\nSad<|im_end|>\n<|im_start|>assistant\n',
      completion: 'R<|im_end|>\n',
    });
  });

  const cases: { name: string; system: string; history: ChatMessage[]; reply: string }[] = [
    { name: 'three messages and a system prompt', system: 'Be kind.', history, reply: 'Oh no.' },
    { name: 'no system prompt', system: '', history, reply: 'I hear you.' },
    {
      name: 'one message, stray whitespace and a multi-line system prompt',
      system: 'You are Hearth.\nListen first.',
      history: [{ role: 'user', content: '  I lost my job today. ' }],
      reply: ' That sounds hard. ',
    },
    {
      name: 'a longer history',
      system: 'S',
      history: [
        ...history,
        { role: 'assistant', content: 'Why sad?' },
        { role: 'user', content: "I can't sleep." },
      ],
      reply: 'Not sleeping wears you down.',
    },
  ];

  for (const name of ['mistral', 'llama2', 'phi3', 'chatml'] as const) {
    it.each(cases)(
      `${name}: prompt and prompt + completion match the published template ($name)`,
      (c) => {
        const rendered = renderChat(name, c.system, c.history, c.reply);
        expect(rendered.prompt).toBe(applyPublished(name, c.system, c.history, true));
        expect(rendered.prompt + rendered.completion).toBe(
          applyPublished(
            name,
            c.system,
            [...c.history, { role: 'assistant', content: c.reply }],
            false,
          ),
        );
      },
    );
  }
});
