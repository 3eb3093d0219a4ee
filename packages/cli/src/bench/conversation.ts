/**
 * What the person says in the benchmark's conversation: short turns like those of an
 * emotional-support dialogue, written for Hearth. The shape models' replies are meaningless, so
 * only the token counts matter; the words keep the prompts realistic in length.
 */
export const BENCH_UTTERANCES: readonly string[] = [
  'Hi. I have had a really rough week and I do not know who to talk to.',
  'My sister moved abroad last month and the house feels so empty now.',
  'We used to have dinner together every Sunday.',
  'I tried calling her but the time difference makes it hard.',
  'Sometimes I just sit in the kitchen and do not feel like cooking.',
  'My neighbour asked me to join a walking group, but I am not sure.',
  'I get nervous meeting new people, especially in groups.',
  'Last time I went to something like that I hardly said a word.',
  'Maybe I could go just once and see how it feels.',
  'I also have not been sleeping well, I keep waking up at four.',
  'Then I lie there thinking about everything that could go wrong.',
  'My doctor said I should try to keep a routine.',
  'I used to paint in the mornings, I have not done that in a while.',
  'I think I stopped because nobody was around to see the paintings.',
  'That sounds silly when I say it out loud.',
  'Maybe I could send a photo of a painting to my sister.',
  'She always liked the ones with the sea in them.',
  'Thank you for listening, it helps to say these things.',
  'I think I will call the neighbour tomorrow about the walk.',
  'Can we talk again tomorrow evening?',
];

export function utterance(turn: number): string {
  return BENCH_UTTERANCES[turn % BENCH_UTTERANCES.length] as string;
}

/**
 * A shape model's vocabulary is mostly unused padding tokens, which it samples and which print
 * as nothing, so its replies are often empty text. A fresh session given that history would
 * evaluate far fewer tokens than a real model's replies take; this stand-in, a typical short
 * supportive reply, keeps the "no KV reuse" side's history a realistic length.
 */
export const STAND_IN_REPLY =
  'That sounds really hard, and it makes sense that you feel this way. I am here with you.';

export function replyForHistory(reply: string): string {
  return reply.trim() === '' ? STAND_IN_REPLY : reply;
}
