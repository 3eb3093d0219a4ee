#!/usr/bin/env node
/**
 * Generates src/generated (TypeScript types, validators and the type registry) from the
 * package's .msg, .action and .srv files. Plain Node ESM, so it runs without a build.
 *
 *   node packages/interfaces/scripts/generate.mjs          write src/generated
 *   node packages/interfaces/scripts/generate.mjs --check  exit 1 when src/generated is stale
 */
import { relative } from 'node:path';
import { InterfaceDefinitionError } from './lib/errors.mjs';
import { checkGenerated, PACKAGE_DIR, STALE_MESSAGE, writeGenerated } from './lib/generator.mjs';

const USAGE = 'usage: generate.mjs [--check]';

function main(args) {
  const unknown = args.filter((arg) => arg !== '--check');
  if (unknown.length > 0 || args.includes('--help')) {
    console.error(
      `${unknown.includes('--help') ? '' : `unknown argument ${unknown[0]}\n`}${USAGE}`,
    );
    return unknown.includes('--help') ? 0 : 2;
  }
  if (args.includes('--check')) {
    const { stale, differences } = checkGenerated();
    if (stale) {
      console.error(`${STALE_MESSAGE}\n${differences.map((line) => `  ${line}`).join('\n')}`);
      return 1;
    }
    console.log('src/generated is current');
    return 0;
  }
  const written = writeGenerated();
  console.log(
    `generated ${written.length} files in ${relative(process.cwd(), PACKAGE_DIR) || '.'}/src/generated`,
  );
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof InterfaceDefinitionError)) throw error;
  // Each invalid definition names its file (relative to packages/interfaces) and line.
  console.error(`error: packages/interfaces/${error.message}`);
  process.exitCode = 1;
}
