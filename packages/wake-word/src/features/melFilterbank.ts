export function hzToMel(hz: number): number {
  return 2595 * Math.log10(1 + hz / 700);
}

export function melToHz(mel: number): number {
  return 700 * (10 ** (mel / 2595) - 1);
}

/**
 * Triangular filters spaced evenly on the mel scale from `lowHz` to `highHz`, as weights over the
 * FFT's `n/2 + 1` bins. Weights are computed from each bin's exact frequency (not snapped to bins
 * as python_speech_features does), so narrow low filters are never empty.
 */
export function melFilterbank(
  filters: number,
  fftSize: number,
  sampleRate: number,
  lowHz = 0,
  highHz = sampleRate / 2,
): Float64Array[] {
  const bins = fftSize / 2 + 1;
  const lowMel = hzToMel(lowHz);
  const highMel = hzToMel(highHz);
  const edges = Array.from({ length: filters + 2 }, (_, i) =>
    melToHz(lowMel + ((highMel - lowMel) * i) / (filters + 1)),
  );
  const bank: Float64Array[] = [];
  for (let f = 0; f < filters; f++) {
    const left = edges[f] as number;
    const centre = edges[f + 1] as number;
    const right = edges[f + 2] as number;
    const weights = new Float64Array(bins);
    for (let k = 0; k < bins; k++) {
      const hz = (k * sampleRate) / fftSize;
      if (hz > left && hz < right) {
        weights[k] = hz <= centre ? (hz - left) / (centre - left) : (right - hz) / (right - centre);
      }
    }
    bank.push(weights);
  }
  return bank;
}
