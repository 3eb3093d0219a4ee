import { InvalidNameError } from './errors/InvalidNameError.js';

const token = '[A-Za-z_][A-Za-z0-9_]*';
const topicPattern = new RegExp(`^(~/|/)?${token}(/${token})*$|^~$`);
const nodePattern = new RegExp(`^${token}$`);

/**
 * Expands a topic, action or service name the way rcl does: absolute names stay, relative ones
 * go under the node's namespace, `~/x` under the node itself. Invalid names throw, so a name that
 * works in the simulator also works on a robot.
 */
export function expandName(
  entity: string,
  name: string,
  nodeName: string,
  namespace: string,
): string {
  if (!topicPattern.test(name)) throw new InvalidNameError(entity, name);
  const ns = namespace === '/' ? '' : namespace;
  if (name.startsWith('/')) return name;
  if (name === '~') return `${ns}/${nodeName}`;
  if (name.startsWith('~/')) return `${ns}/${nodeName}/${name.slice(2)}`;
  return `${ns}/${name}`;
}

export function checkNodeName(name: string): void {
  if (!nodePattern.test(name)) throw new InvalidNameError('node', name);
}

/** `/` or `/a/b`, from `''`, `a/b`, `/a/b/`. */
export function normalizeNamespace(namespace: string | undefined): string {
  const trimmed = (namespace ?? '').replace(/^\/+/, '').replace(/\/+$/, '');
  if (trimmed !== '' && !trimmed.split('/').every((t) => nodePattern.test(t))) {
    throw new InvalidNameError('namespace', namespace ?? '');
  }
  return `/${trimmed}`;
}

/**
 * Another node's fully qualified name, as rclcpp's parameter client resolves it: `/ns/name`
 * stays, a plain `name` (or `sub/name`) goes under this node's namespace.
 */
export function resolveRemoteNodeName(name: string, namespace: string): string {
  if (name.startsWith('~') || !topicPattern.test(name)) throw new InvalidNameError('node', name);
  if (name.startsWith('/')) return name;
  const ns = namespace === '/' ? '' : namespace;
  return `${ns}/${name}`;
}
