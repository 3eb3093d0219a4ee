import type { EsconvStrategy } from '../strategies.js';

export interface CarefulReply {
  readonly text: string;
  readonly strategy: EsconvStrategy;
}

/**
 * What the fallback says after a moderate-risk screen (the person sounds hopeless or worn down,
 * short of a crisis), in place of the topical bank: the careful protocol a model gets as an
 * instruction, written out because a bank cannot follow one. Every reply does all three steps:
 * it validates the feeling, asks gently whether the person is safe, and encourages support from a
 * trusted person or a professional. Written for Hearth (not taken from any dataset), in the
 * topical bank's voice: brief, plain, warm, never a diagnosis, no method, no claim to be human.
 * High and imminent risk never reach the llm: the dialogue answers them with its crisis message.
 */
export const carefulBank: readonly CarefulReply[] = [
  {
    text: 'That sounds really hard, and I’m glad you told me. Can I ask: are you safe right now? Someone you trust would want to know how you’re feeling.',
    strategy: 'Question',
  },
  {
    text: 'Thank you for trusting me with this. Your feelings matter. Are you feeling safe at the moment? Talking with a person you trust today could really help.',
    strategy: 'Affirmation and Reassurance',
  },
  {
    text: 'It sounds like things have felt very heavy lately. I want to check gently: are you safe? Could you tell someone close to you, or your doctor, how you feel?',
    strategy: 'Reflection of feelings',
  },
  {
    text: 'I’m so sorry it feels this way. You deserve support from people, not only from me. Are you safe where you are? Who could we call together today?',
    strategy: 'Providing Suggestions',
  },
  {
    text: 'That’s a lot to carry, and it makes sense that you feel worn down. Are you safe right now? A trusted friend, family member or your doctor can help with this.',
    strategy: 'Affirmation and Reassurance',
  },
];
