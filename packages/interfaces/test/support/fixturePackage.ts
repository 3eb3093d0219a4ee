// Builds throwaway interface packages in a temp folder, so the generator can be tested on
// definitions (valid and invalid) without touching the real package.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** packages/interfaces */
export const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface FixturePackage {
  readonly dir: string;
  /** Module path from `<dir>/generated` back to the real package's src (runtime.ts ...). */
  readonly runtimeImport: string;
  dispose(): void;
}

/**
 * A package holding `files` (path relative to the package -> content) plus the real
 * builtin_interfaces definitions under deps/, as the real package has.
 */
export function createFixturePackage(files: Readonly<Record<string, string>>): FixturePackage {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-interfaces-'));
  cpSync(join(PACKAGE_DIR, 'deps'), join(dir, 'deps'), { recursive: true });
  // The generated code is ESM, as in the real package.
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return {
    dir,
    runtimeImport: relative(join(dir, 'generated'), join(PACKAGE_DIR, 'src')),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
