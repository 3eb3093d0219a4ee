/**
 * Calls a listener so that a throwing one cannot break generation: the error is reported and
 * the stream goes on (node-llama-cpp's habit with user callbacks).
 */
export function callSafely<T>(
  listener: ((value: T) => void) | undefined,
  value: T,
  onError: (error: unknown) => void,
): void {
  if (!listener) return;
  try {
    listener(value);
  } catch (error) {
    onError(error);
  }
}
