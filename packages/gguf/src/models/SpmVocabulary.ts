/** llama.cpp's token types (llama_token_type). */
export const TokenType = {
  Normal: 1,
  Unknown: 2,
  Control: 3,
  UserDefined: 4,
  Unused: 5,
  Byte: 6,
} as const;
export type TokenType = (typeof TokenType)[keyof typeof TokenType];

/** SentencePiece marks a word boundary (a space) with U+2581. */
export const WORD_BOUNDARY = '\u2581';

/** Characters that get their own piece, so ordinary text needs byte fallback only for the rest. */
const BASE_CHARACTERS =
  'abcdefghijklmnopqrstuvwxyz' + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' + '0123456789' + `.,!?'"-:;()`;

export interface SpmVocabularyOptions {
  /** Words, most frequent first; each becomes a `▁word` piece. */
  readonly words: readonly string[];
  /** Control tokens after `<unk>`, `<s>`, `</s>` and the bytes, e.g. a chat template's markers. */
  readonly controlTokens?: readonly string[];
  /** Pads with unused tokens up to this size, to match a real model's embedding size. */
  readonly padToSize?: number;
}

/**
 * A SentencePiece-style ("llama") vocabulary as llama.cpp's SPM tokenizer uses it: `<unk>`,
 * `<s>`, `</s>`, 256 byte-fallback tokens `<0x00>`..`<0xFF>`, control tokens, then pieces.
 *
 * llama.cpp's SPM tokenizer starts from single characters and repeatedly merges the adjacent
 * pair whose concatenation is a piece with the best score, so a word is reachable only if a chain
 * of merges leads to it. Every word therefore brings all its prefixes (`▁h`, `▁he`, `▁hel`...),
 * and every base character is a piece; anything else falls back to byte tokens.
 */
export class SpmVocabulary {
  readonly tokens: string[] = [];
  readonly scores: number[] = [];
  readonly types: TokenType[] = [];
  readonly unknownId: number;
  readonly bosId: number;
  readonly eosId: number;
  private readonly ids = new Map<string, number>();

  constructor(options: SpmVocabularyOptions) {
    this.unknownId = this.add('<unk>', 0, TokenType.Unknown);
    this.bosId = this.add('<s>', 0, TokenType.Control);
    this.eosId = this.add('</s>', 0, TokenType.Control);
    for (let byte = 0; byte < 256; byte++) {
      this.add(`<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`, 0, TokenType.Byte);
    }
    for (const token of options.controlTokens ?? []) this.add(token, 0, TokenType.Control);

    // Scores fall with rank, so merges prefer frequent pieces (as real SentencePiece log-probs).
    const pieces: string[] = [WORD_BOUNDARY, ...BASE_CHARACTERS];
    for (const word of options.words) {
      const piece = WORD_BOUNDARY + word;
      for (let end = 2; end <= piece.length; end++) pieces.push(piece.slice(0, end));
    }
    let rank = 0;
    for (const piece of pieces) {
      if (!this.ids.has(piece)) this.add(piece, -rank++, TokenType.Normal);
    }
    for (let unused = 0; this.tokens.length < (options.padToSize ?? 0); unused++) {
      this.add(`<unused${unused}>`, -rank - 1, TokenType.Unused);
    }
  }

  get size(): number {
    return this.tokens.length;
  }

  idOf(token: string): number | undefined {
    return this.ids.get(token);
  }

  private add(token: string, score: number, type: TokenType): number {
    const id = this.tokens.length;
    this.tokens.push(token);
    this.scores.push(score);
    this.types.push(type);
    this.ids.set(token, id);
    return id;
  }
}
