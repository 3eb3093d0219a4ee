// Every expected number below is worked out by hand in the comment above it.
import { describe, expect, it } from '@jest/globals';
import { corpusBleu } from '../src/metrics/bleu.js';
import { distinctN } from '../src/metrics/distinct.js';
import { lcsLength, rougeL, rougeN } from '../src/metrics/rouge.js';
import { corpusPerplexity, scoreReplies } from '../src/metrics/scoreReplies.js';
import { strategyScores } from '../src/metrics/strategyScores.js';
import { wordTokens } from '../src/metrics/wordTokens.js';

const cat = wordTokens('The cat sat on the mat.').slice(0, -1); // the cat sat on the mat
const catRef = wordTokens('the cat is on the mat');
const here = wordTokens('I am here');
const hereRef = wordTokens('I am always here for you');

describe('wordTokens', () => {
  it('lower-cases, keeps inner apostrophes and splits punctuation off', () => {
    expect(wordTokens("I don't know, really!")).toEqual(['i', "don't", 'know', ',', 'really', '!']);
    expect(wordTokens('  ')).toEqual([]);
  });
});

describe('corpusBleu', () => {
  it('is the geometric mean of clipped precisions for one pair', () => {
    // Unigrams: the(2, clipped 2) cat sat(0) on mat -> 5/6. Bigrams: "the cat", "on the",
    // "the mat" of 5 -> 3/5. Equal lengths, so no brevity penalty.
    // BLEU-2 = sqrt(5/6 * 3/5) = sqrt(1/2) = 0.707107
    expect(corpusBleu([cat], [catRef], 2)).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it('is 0 without smoothing when an order has no match', () => {
    // 4-grams: the cat sat on / cat sat on the / sat on the mat; none is in the reference.
    expect(corpusBleu([cat], [catRef], 4)).toBe(0);
  });

  it('sums counts over the corpus before dividing, and applies the brevity penalty', () => {
    // Pair 2 unigrams i, am, here: 3/3; bigrams "i am" of "i am", "am here": 1/2.
    // p1 = (5 + 3) / (6 + 3) = 8/9; p2 = (3 + 1) / (5 + 2) = 4/7.
    // c = 6 + 3 = 9 hypothesis words, r = 6 + 6 = 12: BP = exp(1 - 12/9) = exp(-1/3).
    // BLEU-2 = exp(-1/3) * sqrt(8/9 * 4/7) = 0.716531 * 0.712697 = 0.510669
    expect(corpusBleu([cat, here], [catRef, hereRef], 2)).toBeCloseTo(0.510669, 5);
  });

  it('clips repeated words to their count in the reference', () => {
    // "the the the" against "the cat": unigram matches min(3, 1) = 1 of 3 -> BLEU-1 = 1/3.
    // c = 3 > r = 2: no brevity penalty.
    expect(corpusBleu([['the', 'the', 'the']], [['the', 'cat']], 1)).toBeCloseTo(1 / 3, 6);
  });

  it('BLEU-4 over a two-pair corpus, every order matched and the brevity penalty applied', () => {
    // Pair 1: "i am sorry to hear that you feel so alone" (10 words)
    //    ref: "i am so sorry to hear that you are feeling so alone" (12 words)
    //   1-grams 9/10 (not: feel); 2-grams 6/9 (i am, sorry to, to hear, hear that, that you,
    //   so alone); 3-grams 3/8 (sorry to hear, to hear that, hear that you); 4-grams 2/7
    //   (sorry to hear that, to hear that you).
    // Pair 2: "it sounds like you have a lot on your mind" (10 words)
    //    ref: "it sounds like you have had a hard week" (9 words)
    //   1-grams 6/10 (it sounds like you have a); 2-grams 4/9; 3-grams 3/8; 4-grams 2/7.
    // Corpus: p1 = 15/20, p2 = 10/18, p3 = 6/16, p4 = 4/14; c = 20, r = 21.
    // BLEU-4 = exp(1 - 21/20) * (15/20 * 10/18 * 6/16 * 4/14)^(1/4)
    //        = 0.951229 * 0.0446429^(1/4) = 0.951229 * 0.459661 = 0.437243
    // (the same as Python: bp * exp(sum(log(m / p)) / 4) over these counts, NLTK corpus_bleu's
    // formula, gives 0.4372434086669165). BLEU-2 = 0.951229 * sqrt(15/20 * 10/18) = 0.614016.
    const hypotheses = [
      wordTokens('I am sorry to hear that you feel so alone'),
      wordTokens('It sounds like you have a lot on your mind'),
    ];
    const references = [
      wordTokens('I am so sorry to hear that you are feeling so alone'),
      wordTokens('It sounds like you have had a hard week'),
    ];
    expect(corpusBleu(hypotheses, references, 4)).toBeCloseTo(0.4372434086669165, 10);
    expect(corpusBleu(hypotheses, references, 2)).toBeCloseTo(0.6140159532522884, 10);
    // Swapping hypothesis and reference changes the score (brevity and precision both move).
    expect(corpusBleu(references, hypotheses, 4)).not.toBeCloseTo(0.4372434086669165, 3);
  });

  it('is 1 for identical text and 0 for an empty hypothesis set', () => {
    expect(corpusBleu([catRef], [catRef], 4)).toBeCloseTo(1, 10);
    expect(corpusBleu([[]], [catRef], 2)).toBe(0);
  });
});

describe('ROUGE', () => {
  it('ROUGE-2 F1 from clipped bigram overlap', () => {
    // Pair 1: 3 shared bigrams, 5 on each side: P = R = 3/5, F1 = 0.6.
    expect(rougeN(cat, catRef, 2)).toBeCloseTo(0.6, 10);
    // Pair 2: "i am" shared; P = 1/2, R = 1/5; F1 = 2 * 0.1 / 0.7 = 0.285714.
    expect(rougeN(here, hereRef, 2)).toBeCloseTo(2 / 7, 6);
  });

  it('ROUGE-L F1 from the longest common subsequence', () => {
    // LCS "the cat on the mat" = 5; P = R = 5/6.
    expect(lcsLength(cat, catRef)).toBe(5);
    expect(rougeL(cat, catRef)).toBeCloseTo(5 / 6, 10);
    // LCS "i am here" = 3; P = 3/3, R = 3/6; F1 = 2 * 1 * 0.5 / 1.5 = 2/3.
    expect(rougeL(here, hereRef)).toBeCloseTo(2 / 3, 10);
    expect(rougeL([], hereRef)).toBe(0);
  });
});

describe('distinctN', () => {
  it('counts distinct n-grams over all replies together', () => {
    // Unigrams: 6 + 3 = 9, distinct: the cat sat on mat i am here = 8 -> 8/9.
    expect(distinctN([cat, here], 1)).toBeCloseTo(8 / 9, 10);
    // Bigrams: 5 + 2 = 7, all different -> 1.
    expect(distinctN([cat, here], 2)).toBe(1);
    // The same reply twice: 2 distinct of 4 unigrams, 1 distinct of 2 bigrams.
    const same = wordTokens('I understand');
    expect(distinctN([same, same], 1)).toBe(0.5);
    expect(distinctN([same, same], 2)).toBe(0.5);
    expect(distinctN([], 2)).toBe(0);
  });
});

describe('strategyScores', () => {
  it('accuracy and macro-F1 over the labels present, a missing tag counting as wrong', () => {
    // gold A A B C, predicted A B B '' (and one untagged gold, left out).
    // Accuracy: A and B right -> 2/4 = 0.5.
    // A: TP 1, FP 0, FN 1 -> 2/3. B: TP 1, FP 1, FN 0 -> 2/3. C: TP 0, FN 1 -> 0.
    // macro-F1 = (2/3 + 2/3 + 0) / 3 = 4/9 = 0.444444
    const scores = strategyScores([
      { gold: 'A', predicted: 'A' },
      { gold: 'A', predicted: 'B' },
      { gold: 'B', predicted: 'B' },
      { gold: 'C', predicted: '' },
      { gold: '', predicted: 'A' },
    ]);
    expect(scores.count).toBe(4);
    expect(scores.accuracy).toBe(0.5);
    expect(scores.macroF1).toBeCloseTo(4 / 9, 10);
  });

  it('macro-F1 counts a strategy only the predictions use, as scikit-learn does', () => {
    // gold A A B, predicted A C B: labels = gold ∪ predicted = {A, B, C}.
    // A: TP 1, FN 1 -> 2/3. B: TP 1 -> 1. C: FP 1, no TP -> 0.
    // macro-F1 = (2/3 + 1 + 0) / 3 = 5/9 = 0.555556
    // (sklearn.metrics.f1_score(['A','A','B'], ['A','C','B'], average='macro') = 0.5556;
    // over the gold labels only it would be (2/3 + 1) / 2 = 5/6.)
    const scores = strategyScores([
      { gold: 'A', predicted: 'A' },
      { gold: 'A', predicted: 'C' },
      { gold: 'B', predicted: 'B' },
    ]);
    expect(scores.accuracy).toBeCloseTo(2 / 3, 10);
    expect(scores.macroF1).toBeCloseTo(5 / 9, 10);
  });
});

describe('corpusPerplexity', () => {
  it('is exp(total NLL / total tokens), not the mean of per-example perplexities', () => {
    // NLL 2 over 1 token and 3 over 3 tokens: exp(5/4) = 3.490343.
    // (The mean of per-example perplexities would be (e^2 + e^1) / 2 = 5.05.)
    const result = corpusPerplexity([
      { goldNll: 2, goldTokens: 1 },
      { goldNll: 3, goldTokens: 3 },
      {},
    ]);
    expect(result.tokens).toBe(4);
    expect(result.perplexity).toBeCloseTo(3.490343, 5);
    expect(corpusPerplexity([{}]).perplexity).toBeNull();
  });
});

describe('scoreReplies', () => {
  it('reports percentages, lengths and speeds, and no strategy scores for untagged replies', () => {
    const summary = scoreReplies([
      {
        id: 0,
        gold: 'the cat is on the mat',
        goldStrategy: 'Question',
        reply: 'the cat sat on the mat',
        predictedStrategy: '',
        seconds: 2,
        generatedTokens: 10,
      },
      {
        id: 1,
        gold: 'I am always here for you',
        goldStrategy: 'Others',
        reply: 'I am here',
        predictedStrategy: '',
        seconds: 1,
        generatedTokens: 5,
      },
    ]);
    expect(summary.bleu2).toBeCloseTo(51.0669, 3);
    // ROUGE-2: (0.6 + 2/7) / 2 = 0.442857; ROUGE-L: (5/6 + 2/3) / 2 = 0.75.
    expect(summary.rouge2).toBeCloseTo(44.2857, 3);
    expect(summary.rougeL).toBeCloseTo(75, 6);
    expect(summary.distinct1).toBeCloseTo(88.8889, 3);
    // (6 + 3) / 2 words per reply; (6 + 6) / 2 per gold reply.
    expect(summary.meanReplyLength).toBe(4.5);
    expect(summary.meanGoldLength).toBe(6);
    expect(summary.strategyAccuracy).toBeNull();
    // 3 s for 2 replies; 15 tokens in 3 s.
    expect(summary.secondsPerReply).toBe(1.5);
    expect(summary.tokensPerSecond).toBe(5);
    expect(summary.perplexity).toBeNull();
  });
});
