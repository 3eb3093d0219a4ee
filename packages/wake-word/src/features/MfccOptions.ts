/** The feature settings; stored in every template file so detection uses the same ones. */
export interface MfccOptions {
  readonly sampleRate: number;
  readonly frameMs: number;
  readonly hopMs: number;
  readonly preEmphasis: number;
  readonly fftSize: number;
  readonly filters: number;
  readonly coefficients: number;
}

/** Raven's (and python_speech_features') settings: 25 ms Hamming frames every 10 ms, 26 filters, 13 coefficients. */
export const defaultMfccOptions: MfccOptions = {
  sampleRate: 16000,
  frameMs: 25,
  hopMs: 10,
  preEmphasis: 0.97,
  fftSize: 512,
  filters: 26,
  coefficients: 13,
};
