import {
  InvalidMessageError,
  type ConstantValue,
  type FieldSpec,
  type MessageDescriptor,
} from './runtime.js';
import { checkObject } from './validation.js';

/** What generated code knows about one message; defineMessage adds create, parse and check. */
export interface MessageDefinition<T> {
  readonly typeName: string;
  /** The foreign type of a `# @ros-type` directive; absent when the message is not mapped. */
  readonly rosTypeName?: string;
  readonly definition: readonly FieldSpec[];
  readonly constants: Readonly<Record<string, ConstantValue>>;
  /** A fresh message with every field at its default (new arrays and nested messages each call). */
  readonly defaults: () => T;
  /** Checks each field of a value already known to be an object with no unknown fields. */
  readonly checkFields: (
    message: Readonly<Record<string, unknown>>,
    path: string,
    issues: string[],
  ) => void;
}

/** Builds the MessageDescriptor a generated file exports for one message. */
export function defineMessage<T extends object>(spec: MessageDefinition<T>): MessageDescriptor<T> {
  // Descriptors are shared by every node in the process: nothing in them may be mutated.
  const definition = Object.freeze(spec.definition.map((field) => Object.freeze({ ...field })));
  const fields = Object.freeze(definition.map((field) => field.name));
  const collectIssues = (value: unknown, path: string, issues: string[]): void => {
    const message = checkObject(value, path, spec.typeName, fields, issues);
    if (message !== undefined) spec.checkFields(message, path, issues);
  };
  const check = (value: unknown): { ok: true; value: T } | { ok: false; issues: string[] } => {
    const issues: string[] = [];
    collectIssues(value, '', issues);
    return issues.length === 0 ? { ok: true, value: value as T } : { ok: false, issues };
  };
  return Object.freeze({
    typeName: spec.typeName,
    rosTypeName: spec.rosTypeName ?? spec.typeName,
    fields,
    definition,
    constants: Object.freeze({ ...spec.constants }),
    collectIssues,
    create(overrides?: Partial<T>): T {
      const message = spec.defaults();
      if (overrides !== undefined) {
        // An explicit `undefined` keeps the default, so callers can pass optional values through.
        for (const [key, value] of Object.entries(overrides)) {
          if (value !== undefined) (message as Record<string, unknown>)[key] = value;
        }
      }
      return message;
    },
    parse(value: unknown): T {
      const result = check(value);
      if (!result.ok) throw new InvalidMessageError(spec.typeName, result.issues);
      return result.value;
    },
    check,
  });
}
