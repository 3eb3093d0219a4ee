/**
 * The dialogue machine's states and transitions, read from the XState machine definition itself
 * (its state nodes' transitions, `after` and `always`), so the console's live view can never
 * drift from the machine the dialogue node runs.
 */
import { eventName } from '@hearth/dialogue';
import { DIALOGUE_STATES } from '@hearth/interfaces';

/** The parts of an XState v5 transition definition the view reads. */
export interface MachineTransitionLike {
  readonly eventType: string;
  readonly target?: readonly { readonly id: string }[] | undefined;
  readonly guard?: unknown;
}

/** The parts of an XState v5 state node (`machine.root`) the view reads. */
export interface MachineNodeLike {
  readonly key: string;
  readonly id: string;
  readonly type: string;
  readonly states: Readonly<Record<string, MachineNodeLike>>;
  readonly transitions: ReadonlyMap<string, readonly MachineTransitionLike[]>;
  readonly always?: readonly MachineTransitionLike[] | undefined;
  readonly entry: readonly unknown[];
  readonly initial?: { readonly target: readonly { readonly id: string }[] } | undefined;
}

/** How a transition is triggered. */
export type TransitionTrigger = 'event' | 'after' | 'always' | 'done' | 'error';

export interface MachineStateView {
  /** The state node's id without the machine's id, e.g. `listening.hearing`; '' for the root. */
  readonly id: string;
  readonly key: string;
  /** The parent's id; null for the root. */
  readonly parent: string | null;
  readonly type: string;
  /** True for the parent's initial child. */
  readonly initial: boolean;
  /**
   * The DialogueState.state this node publishes on entry (its `enterState` action), or ''
   * when it publishes none of its own.
   */
  readonly publishes: string;
  /** The public state the robot is in while here: its own, else its nearest ancestor's. */
  readonly publicState: string;
}

export interface MachineTransitionView {
  /** The source state's id ('' for the root: from any state). */
  readonly from: string;
  /** Target state ids. */
  readonly to: readonly string[];
  /** The name DialogueState.event gives it (`speech.final`, `timeout.followUpWindow`), or `always`. */
  readonly event: string;
  readonly trigger: TransitionTrigger;
  /** The guard's name; '' when unguarded. */
  readonly guard: string;
}

export interface MachineGraph {
  /** The machine's id (the root's key). */
  readonly id: string;
  /** Depth first, parents before children, in definition order. */
  readonly states: readonly MachineStateView[];
  /** Only transitions that change state; targetless ones (actions only) are left out. */
  readonly transitions: readonly MachineTransitionView[];
}

const PUBLIC_STATES: ReadonlySet<string> = new Set(DIALOGUE_STATES);

/** Reads the state graph of a machine from its root state node (`machine.root`). */
export function machineGraph(root: MachineNodeLike): MachineGraph {
  const prefix = `${root.id}.`;
  const local = (id: string): string =>
    id === root.id ? '' : id.startsWith(prefix) ? id.slice(prefix.length) : id;
  const states: MachineStateView[] = [];
  const transitions: MachineTransitionView[] = [];

  const visit = (
    node: MachineNodeLike,
    parent: MachineNodeLike | null,
    inherited: string,
  ): void => {
    const publishes = publishedState(node);
    const publicState = publishes !== '' ? publishes : inherited;
    const initialIds = parent?.initial?.target.map((target) => target.id) ?? [];
    states.push({
      id: local(node.id),
      key: node.key,
      parent: parent === null ? null : local(parent.id),
      type: node.type,
      initial: initialIds.includes(node.id),
      publishes,
      publicState,
    });
    const definitions = [...node.transitions.values()].flat().concat(node.always ?? []);
    for (const definition of definitions) {
      const targets = definition.target ?? [];
      if (targets.length === 0) continue;
      transitions.push({
        from: local(node.id),
        to: targets.map((target) => local(target.id)),
        event: definition.eventType === '' ? 'always' : eventName(definition.eventType),
        trigger: triggerOf(definition.eventType),
        guard: guardName(definition.guard),
      });
    }
    for (const child of Object.values(node.states)) visit(child, node, publicState);
  };
  visit(root, null, '');
  return { id: root.key, states, transitions };
}

function triggerOf(eventType: string): TransitionTrigger {
  if (eventType === '') return 'always';
  if (eventType.startsWith('xstate.after.')) return 'after';
  if (eventType.startsWith('xstate.done.')) return 'done';
  if (eventType.startsWith('xstate.error.')) return 'error';
  return 'event';
}

function guardName(guard: unknown): string {
  if (guard === undefined || guard === null) return '';
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && typeof (guard as { type?: unknown }).type === 'string')
    return (guard as { type: string }).type;
  // An inline guard function has no name worth showing.
  return 'guard';
}

/**
 * The public state a node announces on entry: the dialogue machine's entry actions carry it as
 * `{ type: 'enterState', params: { state } }`.
 */
function publishedState(node: MachineNodeLike): string {
  for (const action of node.entry) {
    if (typeof action !== 'object' || action === null) continue;
    const params = (action as { params?: unknown }).params;
    if (typeof params !== 'object' || params === null) continue;
    const state = (params as { state?: unknown }).state;
    if (typeof state === 'string' && PUBLIC_STATES.has(state)) return state;
  }
  return '';
}
