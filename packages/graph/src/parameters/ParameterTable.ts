import type {
  Disposable,
  Logger,
  ParameterChange,
  ParameterDescriptor,
  ParameterKind,
  ParameterListener,
  ParameterValidator,
  ParameterValue,
  RemoteParameterDescriptor,
  SetParameterResult,
} from '../api.js';
import { ParameterAlreadyDeclaredError } from '../errors/ParameterAlreadyDeclaredError.js';
import { ParameterNotDeclaredError } from '../errors/ParameterNotDeclaredError.js';
import { additionalConstraintsOf, checkParameterValue } from './parameterKinds.js';
import { resolveDeclaration, type DeclarationContext } from './resolveDeclaration.js';
import { resolveKind } from './parameterKinds.js';

interface Declared {
  value: ParameterValue;
  readonly kind: ParameterKind;
  readonly descriptor: ParameterDescriptor;
}

/**
 * One node's parameters on the in-process transport, with ROS 2's rules: declare before use,
 * changes checked against kind, range, choices and readOnly, then offered to validators (any may
 * refuse, leaving every value unchanged), applied atomically, then announced to listeners.
 */
export class ParameterTable {
  private readonly params = new Map<string, Declared>();
  private readonly validators = new Set<ParameterValidator>();
  private readonly listeners = new Set<ParameterListener>();

  constructor(
    private readonly context: DeclarationContext,
    private readonly logger: Logger,
  ) {}

  declare<T extends ParameterValue>(
    name: string,
    defaultValue: T,
    descriptor: ParameterDescriptor = {},
  ): T {
    if (this.params.has(name)) throw new ParameterAlreadyDeclaredError(this.context.nodeName, name);
    const kind = resolveKind(defaultValue, descriptor);
    const resolved = resolveDeclaration(this.context, name, defaultValue, descriptor, kind);
    this.params.set(name, { value: resolved.value, kind: resolved.kind, descriptor });
    return resolved.value as T;
  }

  get(name: string): ParameterValue {
    const declared = this.params.get(name);
    if (declared === undefined) throw new ParameterNotDeclaredError(this.context.nodeName, name);
    return declared.value;
  }

  has(name: string): boolean {
    return this.params.has(name);
  }

  all(): Record<string, ParameterValue> {
    return Object.fromEntries([...this.params].map(([name, p]) => [name, p.value]));
  }

  /** What `ros2 param describe` shows; undeclared names are left out. Every parameter when `names` is omitted. */
  describe(names: readonly string[] = [...this.params.keys()]): RemoteParameterDescriptor[] {
    const described: RemoteParameterDescriptor[] = [];
    for (const name of names) {
      const declared = this.params.get(name);
      if (declared === undefined) continue;
      const { descriptor } = declared;
      described.push({
        name,
        kind: declared.kind,
        description: descriptor.description ?? '',
        readOnly: descriptor.readOnly ?? false,
        ...(descriptor.range === undefined ? {} : { range: { ...descriptor.range } }),
        additionalConstraints: additionalConstraintsOf(descriptor),
      });
    }
    return described;
  }

  set(values: Record<string, ParameterValue>): SetParameterResult[] {
    const names = Object.keys(values);
    const changes: ParameterChange[] = [];
    for (const name of names) {
      const declared = this.params.get(name);
      let refusal: string | undefined;
      if (declared === undefined)
        refusal = `parameter ${name} is not declared by node ${this.context.nodeName}`;
      else if (declared.descriptor.readOnly === true) refusal = `parameter ${name} is read-only`;
      else {
        const checked = checkParameterValue(declared.kind, declared.descriptor, values[name]);
        if (checked.ok) changes.push({ name, value: checked.value, previous: declared.value });
        else refusal = `parameter ${name}: ${checked.reason}`;
      }
      if (refusal !== undefined) return refuseAll(names, refusal);
    }
    for (const validator of this.validators) {
      let verdict: ReturnType<ParameterValidator>;
      try {
        verdict = validator(changes);
      } catch (error) {
        verdict = {
          successful: false,
          reason: `validator threw: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      if (verdict !== undefined && !verdict.successful) {
        return refuseAll(names, verdict.reason ?? 'refused by the node');
      }
    }
    for (const change of changes) {
      const declared = this.params.get(change.name);
      if (declared !== undefined) declared.value = change.value;
    }
    for (const listener of this.listeners) {
      try {
        listener(changes);
      } catch (error) {
        // A throwing listener must not undo a change the others have already seen.
        this.logger.error('parameter listener threw', { error: String(error) });
      }
    }
    return names.map((name) => ({ name, successful: true, reason: '' }));
  }

  addValidator(validator: ParameterValidator): Disposable {
    this.validators.add(validator);
    return { dispose: () => this.validators.delete(validator) };
  }

  onChanged(listener: ParameterListener): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  clear(): void {
    this.validators.clear();
    this.listeners.clear();
  }
}

function refuseAll(names: readonly string[], reason: string): SetParameterResult[] {
  return names.map((name) => ({ name, successful: false, reason }));
}
