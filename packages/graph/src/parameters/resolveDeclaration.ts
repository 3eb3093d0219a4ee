import type { ParameterDescriptor, ParameterKind, ParameterValue } from '../api.js';
import { InvalidParameterError } from '../errors/InvalidParameterError.js';
import { ParametersFileError } from '../errors/ParametersFileError.js';
import {
  checkParameterValue,
  describeExpected,
  exampleValue,
  formatValue,
} from './parameterKinds.js';
import type { ParametersFile } from './ParametersFile.js';

export interface DeclarationContext {
  readonly nodeName: string;
  /** `/name` or `/ns/name`, the key the parameters file is matched against. */
  readonly fqn: string;
  /** CreateNodeOptions.parameterOverrides (and, on ROS 2, the command line's): win over the file. */
  readonly overrides: Readonly<Record<string, ParameterValue>>;
  readonly file: ParametersFile | undefined;
}

export interface ResolvedDeclaration {
  readonly kind: ParameterKind;
  readonly value: ParameterValue;
}

/**
 * Works out a parameter's value at declaration, the same way on both transports: the explicit
 * override, else the parameters file's value, else the default; each checked against the
 * descriptor. A file value that does not fit throws ParametersFileError naming file, key and line.
 */
export function resolveDeclaration(
  context: DeclarationContext,
  name: string,
  defaultValue: ParameterValue,
  descriptor: ParameterDescriptor,
  kind: ParameterKind | undefined,
): ResolvedDeclaration {
  const { nodeName } = context;
  if (kind === undefined) {
    throw new InvalidParameterError(
      nodeName,
      name,
      `cannot tell the kind of the default ${formatValue(defaultValue)}`,
      "give the descriptor a kind, e.g. { kind: 'string_array' }",
    );
  }
  const ownDefault = checkParameterValue(kind, descriptor, defaultValue);
  if (!ownDefault.ok) {
    throw new InvalidParameterError(
      nodeName,
      name,
      `the default does not fit its descriptor: ${ownDefault.reason}`,
      'change the default or the descriptor',
    );
  }
  context.file?.noteDeclared(context.fqn, name);
  const fix = (): string =>
    `set ${describeExpected(kind, descriptor)} such as ${exampleValue(kind, descriptor, defaultValue)}`;
  if (Object.hasOwn(context.overrides, name)) {
    const checked = checkParameterValue(kind, descriptor, context.overrides[name]);
    if (!checked.ok)
      throw new InvalidParameterError(nodeName, name, `override ${checked.reason}`, `${fix()}.`);
    return { kind, value: checked.value };
  }
  const entry = context.file?.entriesFor(context.fqn).get(name);
  if (entry !== undefined && context.file !== undefined) {
    const checked = checkParameterValue(kind, descriptor, entry.value);
    if (!checked.ok)
      throw new ParametersFileError(
        context.file.path,
        entry.key,
        entry.line,
        checked.reason,
        `${fix()}.`,
      );
    return { kind, value: checked.value };
  }
  return { kind, value: defaultValue };
}
