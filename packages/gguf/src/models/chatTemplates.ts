/**
 * ChatML, the template Qwen and many fine-tunes use. node-llama-cpp recognizes it as its
 * ChatMLChatWrapper (by rendering it and comparing), and llama.cpp's own template detection
 * knows it too, so the tiny model chats through the same code path as a real ChatML model.
 */
export const CHATML_TEMPLATE =
  "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}" +
  "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

export const CHATML_SPECIAL_TOKENS = { start: '<|im_start|>', end: '<|im_end|>' } as const;
