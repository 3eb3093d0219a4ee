import type { Disposable } from './api.js';

/**
 * A set of callbacks. A throwing listener is reported to `onError` and does not stop the others
 * (nor the loop that calls them: an audio capture, a recognizer's output). `E` types an optional
 * second argument (e.g. a source's samples and where a new stream starts).
 */
export class Listeners<T, E = undefined> {
  private readonly listeners = new Set<(value: T, extra?: E) => void>();

  constructor(private readonly onError: (error: unknown) => void = () => undefined) {}

  add(listener: (value: T, extra?: E) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  emit(value: T, extra?: E): void {
    for (const listener of this.listeners) {
      try {
        listener(value, extra);
      } catch (error) {
        this.onError(error);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
