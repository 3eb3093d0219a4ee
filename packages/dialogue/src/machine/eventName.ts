/**
 * Names an event for observers (DialogueState.event): the machine's own events keep their
 * dot-namespaced type; xstate's internal ones get a readable name (`timeout.followUpWindow`).
 */
export function eventName(type: string): string {
  if (type.startsWith('xstate.after.')) return `timeout.${type.split('.')[2] ?? 'unknown'}`;
  if (type === 'xstate.init') return 'init';
  if (type === 'xstate.error.actor.generate') return 'llm.failed';
  if (type.startsWith('xstate.done.actor.'))
    return `${type.slice('xstate.done.actor.'.length)}.done`;
  if (type.startsWith('xstate.error.actor.'))
    return `${type.slice('xstate.error.actor.'.length)}.failed`;
  return type;
}
