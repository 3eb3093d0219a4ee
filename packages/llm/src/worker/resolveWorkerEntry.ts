import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The model worker's entry file, or undefined when there is none to run. From dist it is the
 * compiled modelWorker.js beside this file. From src (jest runs the TypeScript sources, and
 * Node 20 cannot fork a .ts file) it is the package's built dist/worker/modelWorker.js, which
 * `pnpm build` (and `npm test`, which builds first) writes.
 */
export function resolveWorkerEntry(moduleUrl: string = import.meta.url): string | undefined {
  const here = fileURLToPath(moduleUrl);
  const candidate = here.endsWith('.ts')
    ? join(dirname(here), '..', '..', 'dist', 'worker', 'modelWorker.js')
    : join(dirname(here), 'modelWorker.js');
  return existsSync(candidate) ? candidate : undefined;
}
