// src/generated must be what the generator makes from the interface files: this test fails
// (like CI) when someone edits a .msg without running `pnpm gen:interfaces`. It also runs the
// CLI on copies of the package, stale and broken, and type-checks generated code for every
// IDL feature with the project's strict compiler options.
import { afterEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as prettier from 'prettier';
import { join } from 'node:path';
import {
  checkGenerated,
  generateFiles,
  STALE_MESSAGE,
  writeGenerated,
} from '../scripts/lib/generator.mjs';
import {
  createFixturePackage,
  PACKAGE_DIR,
  type FixturePackage,
} from './support/fixturePackage.js';

const REPO_DIR = join(PACKAGE_DIR, '..', '..');

function runGenerator(packageDir: string, ...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [join(packageDir, 'scripts', 'generate.mjs'), ...args],
    {
      cwd: packageDir,
      encoding: 'utf8',
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the real package (definitions, generator and generated code) to break freely. */
function copyPackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-interfaces-copy-'));
  for (const entry of ['msg', 'srv', 'action', 'deps', 'scripts', join('src', 'generated')]) {
    cpSync(join(PACKAGE_DIR, entry), join(dir, entry), { recursive: true });
  }
  return dir;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('src/generated', () => {
  it('is current (run `pnpm gen:interfaces` when this fails)', () => {
    const result = runGenerator(PACKAGE_DIR, '--check');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(checkGenerated()).toEqual({ stale: false, differences: [] });
  });

  it('carries the do-not-edit header and is deterministic', () => {
    const first = generateFiles();
    expect([...first.keys()]).toEqual([
      'actions.ts',
      'builtin_interfaces.ts',
      'index.ts',
      'messages.ts',
      'registry.ts',
      'services.ts',
      'std_msgs.ts',
    ]);
    for (const content of first.values())
      expect(content.startsWith('// generated, do not edit')).toBe(true);
    expect(generateFiles()).toEqual(first);
  });
});

describe('generate.mjs --check', () => {
  it('exits non-zero naming each stale file, and passes again once regenerated', () => {
    const dir = copyPackage();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    expect(runGenerator(dir, '--check').status).toBe(0);

    appendFileSync(join(dir, 'msg', 'Transcript.msg'), 'uint32 word_count\n');
    writeFileSync(join(dir, 'msg', 'Extra.msg'), 'bool ok\n');
    rmSync(join(dir, 'src', 'generated', 'services.ts'));
    writeFileSync(join(dir, 'src', 'generated', 'leftover.ts'), 'export {};\n');
    const stale = runGenerator(dir, '--check');
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain(STALE_MESSAGE);
    expect(stale.stderr).toContain('messages.ts: differs');
    expect(stale.stderr).toContain('services.ts: missing');
    expect(stale.stderr).toContain('leftover.ts: not generated any more');

    const written = runGenerator(dir);
    expect(written.status).toBe(0);
    expect(runGenerator(dir, '--check').status).toBe(0);
    const messages = readFileSync(join(dir, 'src', 'generated', 'messages.ts'), 'utf8');
    expect(messages).toContain('word_count: number;');
    expect(messages).toContain('export const ExtraType');
  });

  it('reports an invalid definition as file:line, without a stack trace', () => {
    const dir = copyPackage();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'msg', 'Broken.msg'), '# fine\nuint8 ok\nuint9 bad\n');
    const result = runGenerator(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^error: packages\/interfaces\/msg\/Broken\.msg:3: unknown type 'uint9'/,
    );
    expect(result.stderr).not.toContain('    at ');
  });

  it('rejects unknown arguments', () => {
    const result = runGenerator(PACKAGE_DIR, '--chek');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: generate.mjs [--check]');
  });
});

describe('generated code for every IDL feature', () => {
  let fixture: FixturePackage | undefined;
  afterEach(() => fixture?.dispose());

  it('type-checks under the project compiler options and is prettier-clean', async () => {
    fixture = createFixturePackage({
      'msg/Point.msg': 'float64 x\nfloat64 y\n',
      'msg/All.msg':
        'uint8 A=1\nstring B="b"\nbool C=false\nstring<=3 s\nwstring w\nint64 i\nint32 d 4\n' +
        'int16[] u\nfloat32[2] f [1.5, 2]\nuint8[<=3] b\nstring<=2[<=2] t\nPoint p\nPoint[] ps\nPoint[2] pf\n' +
        'builtin_interfaces/Duration dur\nbuiltin_interfaces/Time[<=1] times\n',
      'msg/Empty.msg': '',
      'srv/Ask.srv': '---\nAll all\n',
      'action/Do.action': 'Point goal\n---\n---\nbool f\n',
    });
    const outDir = join(fixture.dir, 'generated');
    writeGenerated({
      packageDir: fixture.dir,
      packageName: 'fixture_interfaces',
      outDir,
      runtimeImport: fixture.runtimeImport,
    });
    writeFileSync(
      join(fixture.dir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(REPO_DIR, 'tsconfig.base.json'),
        compilerOptions: {
          noEmit: true,
          composite: false,
          incremental: false,
          declaration: false,
          declarationMap: false,
          typeRoots: [join(REPO_DIR, 'node_modules', '@types')],
        },
        files: [join(outDir, 'index.ts')],
      }),
    );
    const tsc = spawnSync(
      process.execPath,
      [join(REPO_DIR, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', fixture.dir],
      {
        encoding: 'utf8',
      },
    );
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);

    const options = {
      ...(await prettier.resolveConfig(join(PACKAGE_DIR, 'src', 'index.ts'))),
      parser: 'typescript',
    };
    const generated = [
      ...generateFiles(),
      ...generateFiles({ packageDir: fixture.dir, packageName: 'fixture_interfaces' }),
    ];
    for (const [name, content] of generated) {
      expect([name, await prettier.format(content, options)]).toEqual([name, content]);
    }
  }, 180_000);
});
