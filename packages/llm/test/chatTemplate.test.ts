import { describe, expect, it } from '@jest/globals';
import { ChatMLChatWrapper, Llama3ChatWrapper, MistralChatWrapper } from 'node-llama-cpp';
import {
  chatTemplateFamilies,
  chatWrapperFor,
  checkChatTemplateFamily,
} from '../src/chat/chatTemplateFamilies.js';
import { LlamaEngine } from '../src/engine/LlamaEngine.js';
import { UnknownChatTemplateError } from '../src/errors/UnknownChatTemplateError.js';
import { writeTestModel } from './support/testModel.js';

describe('chat template families', () => {
  it('uses the template in the GGUF when there is one, else the configured family', () => {
    expect(chatWrapperFor('', true)).toBe('auto');
    expect(chatWrapperFor('', false)).toBe('auto');
    expect(chatWrapperFor('llama3', true)).toBe('auto');
    expect(chatWrapperFor('llama3', false)).toBeInstanceOf(Llama3ChatWrapper);
    expect(chatWrapperFor('ChatML', false)).toBeInstanceOf(ChatMLChatWrapper);
    expect(chatWrapperFor('mistral', false)).toBeInstanceOf(MistralChatWrapper);
  });

  it('formats Phi-3 turns with its role markers', () => {
    const wrapper = chatWrapperFor('phi3', false);
    if (wrapper === 'auto') throw new Error('expected a wrapper');
    const { contextText } = wrapper.generateContextState({
      chatHistory: [
        { type: 'system', text: 'Be kind.' },
        { type: 'user', text: 'Hi' },
        { type: 'model', response: ['Hello.'] },
        { type: 'user', text: 'How are you?' },
      ],
    });
    const text = contextText.toString();
    expect(text).toContain('<|system|>\nBe kind.<|end|>');
    expect(text).toContain('<|user|>\nHi<|end|>');
    expect(text).toContain('<|assistant|>\nHello.<|end|>\n<|user|>\nHow are you?<|end|>');
  });

  it('refuses an unknown family, listing the known ones', () => {
    expect(() => checkChatTemplateFamily('vicuna')).toThrow(UnknownChatTemplateError);
    expect(() => checkChatTemplateFamily('vicuna')).toThrow(chatTemplateFamilies.join(', '));
    expect(chatTemplateFamilies).toEqual(['chatml', 'llama2', 'mistral', 'llama3', 'phi3']);
  });

  it('makes the engine refuse an unknown family at load', async () => {
    const model = await writeTestModel();
    try {
      await expect(
        LlamaEngine.load({ modelPath: model.modelPath, threads: 1, chatTemplate: 'vicuna' }),
      ).rejects.toBeInstanceOf(UnknownChatTemplateError);
    } finally {
      model.remove();
    }
  });
});
