/**
 * Common English words, most frequent first, leaning towards what people say to a companion
 * robot. They become the tiny model's word pieces; their order sets the pieces' scores.
 */
export const ENGLISH_WORDS: readonly string[] = [
  'the', 'I', 'you', 'to', 'and', 'a', 'it', 'is', 'that', 'of', 'in', 'my', 'me', 'feel', 'so',
  'do', 'not', 'this', 'are', 'be', 'have', 'what', 'can', 'with', 'for', 'just', 'was', 'about',
  'how', 'like', 'know', 'really', 'here', 'today', 'think', 'want', 'your', 'we', 'all', 'good',
  'time', 'day', 'talk', 'help', 'people', 'sad', 'happy', 'sorry', 'hear', 'friend', 'family',
  'tired', 'lonely', 'worried', 'okay', 'thank', 'hello', 'please', 'sleep', 'home', 'work',
  'love', 'hope', 'better', 'again', 'maybe', 'something', 'nothing', 'always', 'never', 'when',
  'why', 'there', 'they', 'she', 'he', 'one', 'some', 'more', 'much', 'very', 'well', 'yes', 'no',
  'sounds', 'hard', 'together', 'listen', 'understand', 'breathe', 'calm', 'safe',
];
