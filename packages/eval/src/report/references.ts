/**
 * Published results on the same ESConv test split (testWithStrategy_short.tsv), in percent, as
 * cited by the ESConv literature. They used their own tokenization and, for ROUGE-L, nlg-eval's
 * recall-weighted F (beta 1.2), so compare orders of magnitude, not second decimals.
 */
export interface ReferencePoint {
  readonly system: string;
  readonly source: string;
  readonly bleu2: number;
  readonly rougeL: number;
}

export const referencePoints: readonly ReferencePoint[] = [
  {
    system: 'BlenderBot-Joint',
    source: 'Liu et al. 2021 (ESConv), as reported by TransESC',
    bleu2: 5.35,
    rougeL: 15.46,
  },
  { system: 'TransESC', source: 'Zhao et al. 2023 (Findings of ACL)', bleu2: 7.64, rougeL: 17.51 },
];
