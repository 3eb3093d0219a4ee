/**
 * Tuning the gesture node from the console: lists its parameters, sets one on the running node
 * the way `ros2 param set` does (the node validates it and says why it refuses), and tells every
 * page when a value changed, whoever changed it.
 */
import type { Disposable, ParameterValue } from '@hearth/graph';
import type { ServerMessage, TuningView } from '../protocol.js';
import { gestureTuningView } from './gestureTuning.js';
import type { ParameterMirror } from './ParameterMirror.js';

export class TuningChannel {
  private readonly hook: Disposable;

  constructor(
    private readonly mirror: ParameterMirror,
    emit: (message: ServerMessage) => void,
  ) {
    this.hook = mirror.onChange(() => {
      const tuning = this.view;
      if (tuning !== null) emit({ type: 'tuning', tuning });
    });
  }

  /** Null while the node has not answered (the page says it cannot reach it). */
  get view(): TuningView | null {
    return gestureTuningView(this.mirror);
  }

  /** Sets one parameter; the answer (for the asking page) carries the node's reason on refusal. */
  async set(name: string, value: ParameterValue): Promise<ServerMessage> {
    const node = this.mirror.node;
    if (this.mirror.available && !(name in this.mirror.values)) {
      return {
        type: 'parameterResult',
        node,
        name,
        successful: false,
        reason: `The ${node} node has no parameter "${name}"; pick one from the list.`,
      };
    }
    const result = await this.mirror.set(name, value);
    return {
      type: 'parameterResult',
      node,
      name,
      successful: result.successful,
      reason: result.reason,
    };
  }

  dispose(): void {
    this.hook.dispose();
  }
}
