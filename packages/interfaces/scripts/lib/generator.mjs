/**
 * The generator's entry points: what the files under src/generated should hold, writing them,
 * and checking that the files on disk are current (for CI and the package's test).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emitModel } from './emit.mjs';
import { buildModel } from './model.mjs';

/** packages/interfaces, the ROS package this generator serves. */
export const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PACKAGE_NAME = 'hearth_interfaces';
export const STALE_MESSAGE = 'src/generated is stale: run pnpm gen:interfaces';

/**
 * @typedef {object} GeneratorOptions
 * @property {string} [packageDir] the ROS package (default: packages/interfaces)
 * @property {string} [packageName] its ROS name (default: hearth_interfaces)
 * @property {string} [outDir] where the TypeScript goes (default: <packageDir>/src/generated)
 * @property {string} [runtimeImport] module path from outDir to runtime.ts and its siblings
 *   (default `..`)
 */

function withDefaults(options = {}) {
  const packageDir = options.packageDir ?? PACKAGE_DIR;
  return {
    packageDir,
    packageName: options.packageName ?? PACKAGE_NAME,
    outDir: options.outDir ?? join(packageDir, 'src', 'generated'),
  };
}

/**
 * The files the generator would write: name (relative to outDir) to content.
 * @param {GeneratorOptions} [options]
 * @returns {Map<string, string>}
 */
export function generateFiles(options) {
  const { packageDir, packageName } = withDefaults(options);
  return emitModel(buildModel({ packageDir, packageName }), {
    runtimeImport: options?.runtimeImport ?? '..',
  });
}

/**
 * Writes the generated files, removing any stale `.ts` file the generator no longer makes.
 * @param {GeneratorOptions} [options]
 * @returns {string[]} the names written
 */
export function writeGenerated(options) {
  const { outDir } = withDefaults(options);
  const files = generateFiles(options);
  mkdirSync(outDir, { recursive: true });
  for (const entry of readdirSync(outDir)) {
    if (entry.endsWith('.ts') && !files.has(entry)) rmSync(join(outDir, entry));
  }
  for (const [name, content] of files) {
    const path = join(outDir, name);
    // Leave unchanged files alone, so watchers and tsc's incremental build see no change.
    if (!existsSync(path) || readFileSync(path, 'utf8') !== content) writeFileSync(path, content);
  }
  return [...files.keys()];
}

/**
 * Compares the files on disk with what would be generated.
 * @param {GeneratorOptions} [options]
 * @returns {{ stale: boolean, differences: string[] }} one line per missing, changed or extra file
 */
export function checkGenerated(options) {
  const { outDir } = withDefaults(options);
  const files = generateFiles(options);
  const differences = [];
  for (const [name, content] of files) {
    const path = join(outDir, name);
    if (!existsSync(path)) differences.push(`${name}: missing`);
    else if (readFileSync(path, 'utf8') !== content) differences.push(`${name}: differs`);
  }
  if (existsSync(outDir)) {
    for (const entry of readdirSync(outDir).sort()) {
      if (entry.endsWith('.ts') && !files.has(entry))
        differences.push(`${entry}: not generated any more`);
    }
  }
  return { stale: differences.length > 0, differences };
}
