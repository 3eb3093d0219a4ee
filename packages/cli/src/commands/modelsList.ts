import {
  formatBytes,
  listInstalled,
  loadRegistry,
  registryFileFrom,
  resolveModelsDir,
  type RegistryModelStatus,
} from '@hearth/models';

export interface ModelsListOptions {
  readonly registry?: string;
  readonly dir?: string;
  readonly json?: boolean;
}

function stateText(model: RegistryModelStatus): string {
  if (model.state === 'installed') return 'installed';
  if (model.state === 'absent') return '-';
  const size = model.entry.size_bytes;
  const percent = size ? ` ${Math.floor((100 * model.bytesOnDisk) / size)}%` : '';
  return `partial${percent} (pull again to resume)`;
}

function sizeText(model: RegistryModelStatus): string {
  return model.entry.size_bytes === null ? '?' : formatBytes(model.entry.size_bytes);
}

/** `hearth models list`: the registry's models and what the models folder holds. */
export async function modelsListCommand(
  options: ModelsListOptions,
  out: NodeJS.WritableStream,
): Promise<number> {
  const registry = await loadRegistry(registryFileFrom(options.registry));
  const installed = await listInstalled(registry, resolveModelsDir(options.dir));
  if (options.json) {
    out.write(
      JSON.stringify({
        registry: registry.file,
        dir: installed.dir,
        models: installed.models.map((model) => ({
          name: model.entry.name,
          state: model.state,
          path: model.path,
          bytesOnDisk: model.bytesOnDisk,
          sizeBytes: model.entry.size_bytes,
          sha256: model.entry.sha256,
          quantization: model.entry.quantization,
          parameters: model.entry.parameters,
          licence: model.entry.licence,
          adapters: model.entry.adapters.map((adapter) => adapter.name),
        })),
        others: installed.others,
      }) + '\n',
    );
    return 0;
  }
  const rows = installed.models.map((model) => [
    model.entry.name,
    model.entry.parameters,
    model.entry.quantization,
    sizeText(model),
    model.entry.sha256 === null ? 'no' : 'yes',
    model.entry.licence,
    stateText(model),
  ]);
  const header = ['name', 'params', 'quant', 'size', 'sha256', 'licence', 'installed'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd() + '\n';
  out.write(`Registry: ${registry.file}\nModels folder: ${installed.dir}\n\n`);
  out.write(line(header));
  for (const row of rows) out.write(line(row));
  if (installed.others.length > 0) {
    out.write('\nOther GGUF files in the models folder:\n');
    for (const other of installed.others) {
      out.write(`  ${other.file}  ${formatBytes(other.bytes)}\n`);
    }
  }
  if (installed.models.some((model) => model.entry.sha256 === null)) {
    out.write(
      '\nsha256 "no": the registry has no checksum for it yet; `hearth models pull` installs it ' +
        'only with --insecure-skip-checksum.\n',
    );
  }
  return 0;
}
