import type { ParameterValue } from '../api.js';
import { didYouMean } from './didYouMean.js';
import { isWildcardKey, nodeKeyMatches } from './nodeKeyPattern.js';

/** One parameter value from the file, with where it was written. */
export interface ParameterEntry {
  /** The node key as normalized (`/llm`, `/**`, `/robot/llm`). */
  readonly nodeKey: string;
  /** The parameter name, nested keys joined with dots (`generation.temperature`). */
  readonly name: string;
  readonly value: ParameterValue;
  /** The key path as written in the file: `llm.ros__parameters.generation.temperature`. */
  readonly key: string;
  readonly line: number | undefined;
}

/** A key that no node declared: most often a typo. */
export interface UnusedParameterKey {
  readonly key: string;
  readonly line: number | undefined;
  readonly nodeKey: string;
  readonly name: string;
  /** The declared parameter (or node) the key was probably meant to be. */
  readonly suggestion: string | undefined;
  /** Ready to print: `file (line 4): llm.ros__parameters.temprature: no node declared it (did you mean "temperature"?)`. */
  readonly message: string;
}

/**
 * A robot's parameters file in ROS 2 params-file format, loaded and structurally validated by
 * loadParametersFile. The transports take the values for each node at declaration, check them
 * against the node's descriptors, and record which keys were used so `unusedKeys()` can name typos.
 */
export class ParametersFile {
  private readonly declared = new Map<string, Set<string>>();

  constructor(
    /** The path as shown in messages (relative to the working directory where possible). */
    readonly path: string,
    readonly entries: readonly ParameterEntry[],
  ) {}

  /**
   * The values that apply to one node: wildcard keys first, then keys naming the node, so that
   * a node's own section wins (rcl's precedence).
   */
  entriesFor(fqn: string): Map<string, ParameterEntry> {
    const result = new Map<string, ParameterEntry>();
    const matching = this.entries.filter((e) => nodeKeyMatches(e.nodeKey, fqn));
    for (const entry of matching.filter((e) => isWildcardKey(e.nodeKey)))
      result.set(entry.name, entry);
    for (const entry of matching.filter((e) => !isWildcardKey(e.nodeKey)))
      result.set(entry.name, entry);
    return result;
  }

  /** The plain values for one node (for rclnodejs's NodeOptions.parameterOverrides). */
  overridesFor(fqn: string): Record<string, ParameterValue> {
    const values: Record<string, ParameterValue> = {};
    for (const [name, entry] of this.entriesFor(fqn)) values[name] = entry.value;
    return values;
  }

  /** Called by the transports when a node comes up, so unknown node keys can be reported. */
  noteNode(fqn: string): void {
    if (!this.declared.has(fqn)) this.declared.set(fqn, new Set());
  }

  /** Called by the transports for each declared parameter. */
  noteDeclared(fqn: string, name: string): void {
    this.noteNode(fqn);
    this.declared.get(fqn)?.add(name);
  }

  /** Keys that no node declared, once the graph is up: the CLI prints them as warnings. */
  unusedKeys(): UnusedParameterKey[] {
    const unused: UnusedParameterKey[] = [];
    for (const entry of this.entries) {
      const nodes = [...this.declared.keys()].filter((fqn) => nodeKeyMatches(entry.nodeKey, fqn));
      const used = nodes.some((fqn) => this.declared.get(fqn)?.has(entry.name));
      if (used) continue;
      let suggestion: string | undefined;
      let problem: string;
      if (nodes.length === 0 && !isWildcardKey(entry.nodeKey)) {
        suggestion = didYouMean(entry.nodeKey, this.declared.keys());
        problem = `no node ${entry.nodeKey} is running`;
      } else {
        const names = nodes.flatMap((fqn) => [...(this.declared.get(fqn) ?? [])]);
        suggestion = didYouMean(entry.name, names);
        problem = `no node declared ${entry.name}`;
      }
      const hint = suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
      const line = entry.line === undefined ? '' : ` (line ${entry.line})`;
      unused.push({
        key: entry.key,
        line: entry.line,
        nodeKey: entry.nodeKey,
        name: entry.name,
        suggestion,
        message: `${this.path}: ${entry.key}${line}: ${problem}${hint}`,
      });
    }
    return unused;
  }
}
