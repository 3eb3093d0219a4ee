import type { ModelEntry } from './registrySchema.js';
import { UnknownModelError } from '../errors/UnknownModelError.js';

/** The models a registry file lists, looked up by name. */
export class ModelRegistry {
  private readonly byName: ReadonlyMap<string, ModelEntry>;

  constructor(
    /** The file the entries came from, named in every error. */
    readonly file: string,
    readonly models: readonly ModelEntry[],
  ) {
    this.byName = new Map(models.map((model) => [model.name, model]));
  }

  get names(): string[] {
    return this.models.map((model) => model.name);
  }

  find(name: string): ModelEntry | undefined {
    return this.byName.get(name);
  }

  /** The entry named `name`, or an UnknownModelError listing the known names. */
  get(name: string): ModelEntry {
    const entry = this.byName.get(name);
    if (entry === undefined) throw new UnknownModelError(name, this.names, this.file);
    return entry;
  }

  /** The entry whose file name is `fileName` (to recognise installed files). */
  byFile(fileName: string): ModelEntry | undefined {
    return this.models.find((model) => model.file === fileName);
  }
}
