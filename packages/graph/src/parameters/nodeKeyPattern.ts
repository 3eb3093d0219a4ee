/**
 * Node keys of a ROS 2 parameters file, as rcl reads them: `llm` and `/llm` name the node llm in
 * the root namespace, `/robot/llm` one in namespace /robot; `*` matches one name token and `**`
 * any number of them, so `/**` applies to every node and `/**\/llm` to llm in any namespace.
 */
export function normalizeNodeKey(key: string): string {
  const trimmed = key.replace(/^\/+/, '').replace(/\/+$/, '');
  return `/${trimmed}`;
}

export function isWildcardKey(key: string): boolean {
  return key.includes('*');
}

/** The fully qualified name of a node: `/name` or `/ns/name`. */
export function fullyQualifiedName(name: string, namespace = '/'): string {
  const ns = namespace.replace(/^\/+/, '').replace(/\/+$/, '');
  return ns === '' ? `/${name}` : `/${ns}/${name}`;
}

export function nodeKeyMatches(pattern: string, fqn: string): boolean {
  const want = normalizeNodeKey(pattern).split('/').slice(1);
  const have = fqn.split('/').slice(1);
  return matchTokens(want, 0, have, 0);
}

function matchTokens(
  want: readonly string[],
  i: number,
  have: readonly string[],
  j: number,
): boolean {
  if (i === want.length) return j === have.length;
  const token = want[i];
  if (token === '**') {
    for (let k = j; k <= have.length; k++) if (matchTokens(want, i + 1, have, k)) return true;
    return false;
  }
  if (j === have.length) return false;
  if (token === '*' || token === have[j]) return matchTokens(want, i + 1, have, j + 1);
  return false;
}
