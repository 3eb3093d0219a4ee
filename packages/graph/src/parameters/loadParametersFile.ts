import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

import {
  isMap,
  isScalar,
  LineCounter,
  parseDocument,
  type Node as YamlNode,
  type Pair,
} from 'yaml';

import type { ParameterValue } from '../api.js';
import { ParametersFileError } from '../errors/ParametersFileError.js';
import { formatValue, inferKind } from './parameterKinds.js';
import { normalizeNodeKey } from './nodeKeyPattern.js';
import { ParametersFile, type ParameterEntry } from './ParametersFile.js';

const ROS_PARAMETERS = 'ros__parameters';

/** The path as people should read it in messages: relative to the working directory when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, resolve(cwd, path));
  return rel.startsWith('..') || rel === '' ? resolve(cwd, path) : rel;
}

/** Reads and validates a ROS 2 parameters file (`<node>: ros__parameters: {...}`). */
export function loadParametersFile(path: string): ParametersFile {
  const shown = displayPath(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ParametersFileError(
      shown,
      '',
      undefined,
      `cannot read the file (${reason})`,
      'pass the path of an existing params.yaml',
    );
  }
  return parseParametersFile(text, shown);
}

/** Parses parameters-file text; `path` only names the file in errors. */
export function parseParametersFile(text: string, path: string): ParametersFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const firstError = doc.errors[0];
  if (firstError !== undefined) {
    const line = firstError.linePos?.[0].line;
    throw new ParametersFileError(
      path,
      '',
      line,
      `is not valid YAML (${firstError.message.split('\n')[0]})`,
      'correct the YAML syntax at that line',
    );
  }
  const lineOf = (node: YamlNode | null | undefined): number | undefined =>
    node?.range === undefined || node.range === null
      ? undefined
      : lineCounter.linePos(node.range[0]).line;
  const reader = new EntryReader(path, lineOf);
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return new ParametersFile(path, []);
  if (!isMap(root)) {
    throw new ParametersFileError(
      path,
      '',
      lineOf(root),
      'expected a mapping of node names to `ros__parameters:`',
      'start the file with a node name, e.g. `llm:` then `  ros__parameters:`',
    );
  }
  reader.readNodeKeys(root.items, []);
  return new ParametersFile(path, reader.entries);
}

/** Walks the document: node keys (possibly nested namespaces), then flattened parameter keys. */
class EntryReader {
  readonly entries: ParameterEntry[] = [];

  constructor(
    private readonly path: string,
    private readonly lineOf: (node: YamlNode | null | undefined) => number | undefined,
  ) {}

  readNodeKeys(items: readonly Pair[], namespace: readonly string[]): void {
    for (const pair of items) {
      const name = this.keyName(pair, namespace.join('.'));
      const keyPath = [...namespace, name];
      const value = pair.value as YamlNode | null;
      if (!isMap(value) && namespace.length > 0) {
        const parent = namespace.join('.');
        throw new ParametersFileError(
          this.path,
          keyPath.join('.'),
          this.lineOf(pair.key as YamlNode),
          `expected \`${ROS_PARAMETERS}:\` under ${parent} before its parameters`,
          `put \`${ROS_PARAMETERS}:\` under \`${parent}:\` and indent the parameters under it`,
        );
      }
      if (!isMap(value)) {
        throw new ParametersFileError(
          this.path,
          keyPath.join('.'),
          this.lineOf(pair.key as YamlNode),
          `expected \`${ROS_PARAMETERS}:\` under the node name`,
          `write \`${keyPath.join('.')}:\` then, indented, \`${ROS_PARAMETERS}:\` and the parameters under it`,
        );
      }
      const params = value.items.find((p) => isScalar(p.key) && p.key.value === ROS_PARAMETERS);
      if (params === undefined) {
        // ROS allows namespaces as nested keys: `robot: llm: ros__parameters:`.
        this.readNodeKeys(value.items, keyPath);
        continue;
      }
      const other = value.items.find((p) => p !== params);
      if (other !== undefined) {
        throw new ParametersFileError(
          this.path,
          `${keyPath.join('.')}.${this.keyName(other, '')}`,
          this.lineOf(other.key as YamlNode),
          `expected only \`${ROS_PARAMETERS}:\` under a node name`,
          `move it under \`${ROS_PARAMETERS}:\``,
        );
      }
      const nodeKey = normalizeNodeKey(keyPath.join('/'));
      const prefix = `${keyPath.join('.')}.${ROS_PARAMETERS}`;
      const paramsNode = params.value as YamlNode | null;
      if (isScalar(paramsNode) && paramsNode.value === null) continue;
      if (!isMap(paramsNode)) {
        throw new ParametersFileError(
          this.path,
          prefix,
          this.lineOf(params.key as YamlNode),
          'expected a mapping of parameter names to values',
          'indent `name: value` lines under it',
        );
      }
      this.readParameters(paramsNode.items, nodeKey, prefix, []);
    }
  }

  private readParameters(
    items: readonly Pair[],
    nodeKey: string,
    prefix: string,
    nested: readonly string[],
  ): void {
    for (const pair of items) {
      const name = [...nested, this.keyName(pair, prefix)].join('.');
      const key = `${prefix}.${name}`;
      const node = pair.value as YamlNode | null;
      const line = this.lineOf(pair.key as YamlNode);
      if (isMap(node)) {
        this.readParameters(node.items, nodeKey, prefix, [...nested, this.keyName(pair, prefix)]);
        continue;
      }
      const value = node === null ? null : (node.toJSON() as unknown);
      this.entries.push({ nodeKey, name, value: this.checkValue(value, key, line), key, line });
    }
  }

  private checkValue(value: unknown, key: string, line: number | undefined): ParameterValue {
    if (value === null || value === undefined) {
      throw new ParametersFileError(
        this.path,
        key,
        line,
        'expected a value, got nothing',
        'write a value after the colon, or delete the line',
      );
    }
    if (Array.isArray(value) && value.length === 0) return [];
    if (typeof value === 'number' && !Number.isFinite(value)) return value;
    if (inferKind(value) === undefined) {
      throw new ParametersFileError(
        this.path,
        key,
        line,
        `expected a boolean, number, string or a list of one of those, got ${formatValue(value)}`,
        'use a plain value, or a list whose items are all of one kind',
      );
    }
    return value as ParameterValue;
  }

  private keyName(pair: Pair, parent: string): string {
    const key = pair.key;
    if (isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number'))
      return String(key.value);
    throw new ParametersFileError(
      this.path,
      parent,
      this.lineOf(key as YamlNode),
      'expected a plain key',
      'use a name such as `temperature` as the key',
    );
  }
}
