import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, jest } from '@jest/globals';
import { CommanderError, type Command } from 'commander';
import { defaultSampling } from '@hearth/llm';
import { AZURE_DEFAULT_VOICE, TTS_ENGINES, TTS_PARAMETER_DEFAULTS } from '@hearth/tts';
import { evalContextDefaults } from '../src/commands/evalContext.js';
import { buildProgram } from '../src/program/buildProgram.js';
import { evalContextHelpDefaults, ttsHelpDefaults } from '../src/program/helpDefaults.js';

const programDir = new URL('../src/program/', import.meta.url);

/** The modules a file imports for their values (`import type` is erased, so not counted). */
function valueImports(source: string): string[] {
  const imports = source.matchAll(/^import\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm);
  return [...imports].map((match) => match[1] ?? '');
}

function subcommand(program: Command, ...path: string[]): Command {
  let command = program;
  for (const name of path) {
    const next = command.commands.find((candidate) => candidate.name() === name);
    if (!next) throw new Error(`no command ${path.join(' ')}`);
    command = next;
  }
  return command;
}

describe('the hearth program', () => {
  it('imports no command code up front: only commander, node: modules and its own folder', () => {
    const files = [
      new URL('../src/main.ts', import.meta.url),
      ...readdirSync(programDir).map((name) => new URL(name, programDir)),
    ];
    const allowed = (specifier: string) =>
      specifier === 'commander' ||
      specifier.startsWith('node:') ||
      specifier.startsWith('./') ||
      specifier === '../errors.js';
    for (const file of files) {
      const heavy = valueImports(readFileSync(file, 'utf8')).filter((s) => !allowed(s));
      expect({ file: file.pathname, heavy }).toEqual({ file: file.pathname, heavy: [] });
    }
  });

  it("shows the packages' own defaults in its help", () => {
    expect(ttsHelpDefaults).toEqual({
      engines: [...TTS_ENGINES],
      azureVoice: AZURE_DEFAULT_VOICE,
      voice: TTS_PARAMETER_DEFAULTS.voice,
      rate: TTS_PARAMETER_DEFAULTS.rate,
      pitch: TTS_PARAMETER_DEFAULTS.pitch,
    });
    expect(evalContextHelpDefaults).toEqual(evalContextDefaults);
    expect(evalContextHelpDefaults.replyTokens).toBe(String(defaultSampling.maxTokens));
  });

  it('lists every command in its help', () => {
    const help = buildProgram().helpInformation();
    for (const name of ['start', 'chat', 'models', 'bench', 'eval', 'gesture', 'safety', 'tts'])
      expect(help).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    expect(help).toContain('-V, --version');
  });

  it('prints its version from package.json', async () => {
    const printed: string[] = [];
    const program = buildProgram()
      .exitOverride()
      .configureOutput({ writeOut: (text) => printed.push(text) });
    await expect(program.parseAsync(['--version'], { from: 'user' })).rejects.toBeInstanceOf(
      CommanderError,
    );
    expect(printed.join('')).toBe('0.1.0\n');
  });

  it('loads a command when it runs and runs it', async () => {
    const printed: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed.push(String(chunk));
      return true;
    });
    try {
      await buildProgram().parseAsync(['gesture', 'list', '--json'], { from: 'user' });
    } finally {
      write.mockRestore();
    }
    expect(process.exitCode).toBe(0);
    const listed = JSON.parse(printed.join('')) as { gestures: unknown[] };
    expect(listed.gestures.length).toBeGreaterThan(0);
  });

  it('rejects a port that is not one with a commander error, not a stack trace', async () => {
    const errors: string[] = [];
    const program = buildProgram();
    subcommand(program, 'start')
      .exitOverride()
      .configureOutput({ writeErr: (text) => errors.push(text) });
    await expect(
      program.parseAsync(['start', '--port', '70000'], { from: 'user' }),
    ).rejects.toMatchObject({ code: 'commander.invalidArgument' });
    expect(errors.join('')).toContain(
      '--port must be a port number from 0 to 65535 (0 picks a free one), got "70000"',
    );
  });
});
