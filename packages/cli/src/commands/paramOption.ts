import type { ParameterValue } from '@hearth/graph';
import { parse as parseYaml } from 'yaml';
import { CliError } from '../errors.js';
import { isHearthNodeName, type NodeOverrides } from '../graph/nodeFactories.js';

/**
 * `--param node.name=value` (repeatable, collected by program/optionParsers.ts), like ROS 2's
 * `-p name:=value` but naming the node, for one run's tuning without editing the robot profile:
 * `--param llm.threads=1`. The value is read as a YAML scalar or list, as in a parameters file.
 */
export function paramOverrides(params: readonly string[] | undefined): NodeOverrides {
  const overrides: NodeOverrides = {};
  for (const text of params ?? []) {
    const match = /^([a-z_]+)\.([A-Za-z0-9_.]+)=(.*)$/s.exec(text);
    if (!match) {
      throw new CliError(
        `--param "${text}" is not node.name=value. Example: --param llm.temperature=0.5`,
      );
    }
    const [, node = '', name = '', raw = ''] = match;
    if (!isHearthNodeName(node)) throw new CliError(`--param "${text}": no node named "${node}".`);
    const value: unknown = raw === '' ? '' : parseYaml(raw);
    if (!isParameterValue(value)) {
      throw new CliError(
        `--param "${text}": a value must be a boolean, number, string or a list of one of them.`,
      );
    }
    overrides[node] = { ...overrides[node], [name]: value };
  }
  return overrides;
}

/** Overrides from later sources win, key by key. */
export function mergeOverrides(...sources: NodeOverrides[]): NodeOverrides {
  const merged: NodeOverrides = {};
  for (const source of sources) {
    for (const [node, values] of Object.entries(source) as [
      keyof NodeOverrides,
      Record<string, ParameterValue>,
    ][]) {
      merged[node] = { ...merged[node], ...values };
    }
  }
  return merged;
}

function isParameterValue(value: unknown): value is ParameterValue {
  const scalar = (v: unknown): boolean => ['boolean', 'number', 'string'].includes(typeof v);
  if (scalar(value)) return true;
  return Array.isArray(value) && value.every((v) => typeof v === typeof value[0] && scalar(v));
}
