import type {
  Disposable,
  Logger,
  ParameterChange,
  ParameterDescriptor,
  ParameterKind,
  ParameterListener,
  ParameterValidator,
  ParameterValue,
  SetParameterResult,
} from '../api.js';
import { ParameterAlreadyDeclaredError } from '../errors/ParameterAlreadyDeclaredError.js';
import { ParameterNotDeclaredError } from '../errors/ParameterNotDeclaredError.js';
import {
  additionalConstraintsOf,
  checkParameterValue,
  resolveKind,
} from '../parameters/parameterKinds.js';
import type { ParametersFile } from '../parameters/ParametersFile.js';
import { resolveDeclaration } from '../parameters/resolveDeclaration.js';
import type {
  NodeApi,
  ParameterApi,
  RangeApi,
  RclnodejsApi,
  SetParametersResultApi,
} from './RclnodejsApi.js';
import { fromRosParameterValue, parameterTypeOf, toRosParameterValue } from './rosValues.js';

interface Declared {
  readonly kind: ParameterKind;
  readonly descriptor: ParameterDescriptor;
  value: ParameterValue;
}

/**
 * Hearth's parameter rules on top of rclnodejs's parameters. rclnodejs stores the values (so
 * `ros2 param get/set` work); this class resolves overrides the same way as the in-process
 * transport, enforces what rclnodejs cannot express (choices, integers accepted for doubles), and
 * turns its on-set / post-set callbacks into Hearth's validators and listeners.
 */
export class Ros2Parameters {
  private readonly declared = new Map<string, Declared>();
  private readonly validators = new Set<ParameterValidator>();
  private readonly listeners = new Set<ParameterListener>();

  constructor(
    private readonly rcl: RclnodejsApi<NodeApi>,
    private readonly node: NodeApi,
    private readonly nodeName: string,
    private readonly fqn: string,
    private readonly overrides: Readonly<Record<string, ParameterValue>>,
    private readonly file: ParametersFile | undefined,
    private readonly logger: Logger,
  ) {
    // Parameters being declared are not in `declared` yet: rclnodejs runs these callbacks for
    // declarations too, and Hearth's validators and listeners only see later changes.
    node.addOnSetParametersCallback((params) => this.validate(params));
    node.addPostSetParametersCallback((params) => this.applied(params));
  }

  declare<T extends ParameterValue>(
    name: string,
    defaultValue: T,
    descriptor: ParameterDescriptor = {},
  ): T {
    if (this.declared.has(name)) throw new ParameterAlreadyDeclaredError(this.nodeName, name);
    const kind = resolveKind(defaultValue, descriptor);
    const overrides = { ...this.commandLineOverrides(), ...this.overrides };
    const resolved = resolveDeclaration(
      { nodeName: this.nodeName, fqn: this.fqn, overrides, file: this.file },
      name,
      defaultValue,
      descriptor,
      kind,
    );
    const type = parameterTypeOf(resolved.kind);
    const rosDescriptor = new this.rcl.ParameterDescriptor(
      name,
      type,
      descriptor.description ?? '',
      descriptor.readOnly ?? false,
      this.rangeOf(resolved.kind, descriptor),
    );
    // Choices have no field in ROS 2's descriptor; `ros2 param describe` shows them from here.
    rosDescriptor.additionalConstraints = additionalConstraintsOf(descriptor);
    // ignoreOverride: the override was already resolved (and checked) above.
    this.node.declareParameter(
      new this.rcl.Parameter(name, type, toRosParameterValue(resolved.kind, resolved.value)),
      rosDescriptor,
      true,
    );
    this.declared.set(name, { kind: resolved.kind, descriptor, value: resolved.value });
    return resolved.value as T;
  }

  get(name: string): ParameterValue {
    const declared = this.declared.get(name);
    if (declared === undefined) throw new ParameterNotDeclaredError(this.nodeName, name);
    return fromRosParameterValue(this.node.getParameter(name).value) ?? declared.value;
  }

  has(name: string): boolean {
    return this.declared.has(name);
  }

  all(): Record<string, ParameterValue> {
    return Object.fromEntries([...this.declared.keys()].map((name) => [name, this.get(name)]));
  }

  set(values: Record<string, ParameterValue>): SetParameterResult[] {
    const names = Object.keys(values);
    const params: ParameterApi[] = [];
    for (const name of names) {
      const declared = this.declared.get(name);
      const refuse = (reason: string): SetParameterResult[] =>
        names.map((n) => ({ name: n, successful: false, reason }));
      if (declared === undefined)
        return refuse(`parameter ${name} is not declared by node ${this.nodeName}`);
      if (declared.descriptor.readOnly === true) return refuse(`parameter ${name} is read-only`);
      const checked = checkParameterValue(declared.kind, declared.descriptor, values[name]);
      if (!checked.ok) return refuse(`parameter ${name}: ${checked.reason}`);
      params.push(
        new this.rcl.Parameter(
          name,
          parameterTypeOf(declared.kind),
          toRosParameterValue(declared.kind, checked.value),
        ),
      );
    }
    const result = this.node.setParametersAtomically(params);
    return names.map((name) => ({
      name,
      successful: result.successful,
      reason: result.reason ?? '',
    }));
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

  /** Changes from `ros2 param set` come through here too, so the same checks apply to them. */
  private validate(params: readonly ParameterApi[]): SetParametersResultApi {
    // `ros2 param delete` sends an unset value: rclnodejs would undeclare the parameter under
    // the node's feet, so a parameter Hearth declared cannot be deleted.
    for (const param of params) {
      if (this.declared.has(param.name) && fromRosParameterValue(param.value) === undefined) {
        return {
          successful: false,
          reason: `parameter ${param.name} cannot be deleted: node ${this.nodeName} declared it and reads it`,
        };
      }
    }
    const changes = this.changesOf(params);
    for (const change of changes) {
      const declared = this.declared.get(change.name);
      if (declared === undefined) continue;
      const checked = checkParameterValue(declared.kind, declared.descriptor, change.value);
      if (!checked.ok)
        return { successful: false, reason: `parameter ${change.name}: ${checked.reason}` };
    }
    if (changes.length === 0) return { successful: true, reason: '' };
    for (const validator of this.validators) {
      try {
        const verdict = validator(changes);
        if (verdict !== undefined && !verdict.successful)
          return { successful: false, reason: verdict.reason ?? 'refused by the node' };
      } catch (error) {
        return {
          successful: false,
          reason: `validator threw: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
    }
    return { successful: true, reason: '' };
  }

  private applied(params: readonly ParameterApi[]): void {
    const changes = this.changesOf(params);
    for (const change of changes) {
      const declared = this.declared.get(change.name);
      if (declared !== undefined) declared.value = change.value;
    }
    if (changes.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(changes);
      } catch (error) {
        this.logger.error('parameter listener threw', { error: String(error) });
      }
    }
  }

  private changesOf(params: readonly ParameterApi[]): ParameterChange[] {
    const changes: ParameterChange[] = [];
    for (const param of params) {
      const declared = this.declared.get(param.name);
      const value = fromRosParameterValue(param.value);
      if (declared !== undefined && value !== undefined)
        changes.push({ name: param.name, value, previous: declared.value });
    }
    return changes;
  }

  /** `--ros-args -p name:=value` and `--params-file` values rclnodejs parsed for this node. */
  private commandLineOverrides(): Record<string, ParameterValue> {
    const values: Record<string, ParameterValue> = {};
    for (const param of this.node.getParameterOverrides()) {
      const value = fromRosParameterValue(param.value);
      if (value !== undefined) values[param.name] = value;
    }
    return values;
  }

  private rangeOf(kind: ParameterKind, descriptor: ParameterDescriptor): RangeApi | undefined {
    const range = descriptor.range;
    if (range === undefined) return undefined;
    if (kind === 'double') return new this.rcl.FloatingPointRange(range.min, range.max, 0);
    if (kind === 'integer')
      return new this.rcl.IntegerRange(BigInt(range.min), BigInt(range.max), 1n);
    return undefined;
  }
}
