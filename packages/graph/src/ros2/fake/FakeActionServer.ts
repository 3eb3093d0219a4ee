import type * as Rcl from 'rclnodejs';

import type { ActionServerApi, ServerGoalHandleApi, UuidMessage } from '../RclnodejsApi.js';
import type { FakeNode } from './FakeNode.js';
import { FakeServerGoalHandle } from './FakeServerGoalHandle.js';

type Execute = (goalHandle: ServerGoalHandleApi) => Promise<object> | object;
type GoalCallback = (goal: object) => Rcl.GoalResponse;
type AcceptedCallback = (goalHandle: ServerGoalHandleApi) => void;
type CancelCallback = (
  goalHandle?: ServerGoalHandleApi,
) => Promise<Rcl.CancelResponse> | Rcl.CancelResponse;

const ACCEPT = 2;

export function uuidKey(id: UuidMessage): string {
  return Array.from(id.uuid).join(',');
}

/**
 * rclnodejs's ActionServer with its defaults: accept every goal, execute on acceptance, refuse
 * every cancel. An execute callback that leaves the goal active ends it as aborted.
 */
export class FakeActionServer implements ActionServerApi {
  private readonly goals = new Map<string, FakeServerGoalHandle>();
  private readonly feedbackSinks = new Map<string, (feedback: object) => void>();

  constructor(
    readonly node: FakeNode,
    readonly typeClass: string,
    readonly actionName: string,
    private readonly executeCallback: Execute,
    private readonly goalCallback: GoalCallback = () => ACCEPT,
    private readonly handleAcceptedCallback: AcceptedCallback = (handle) =>
      (handle as FakeServerGoalHandle).execute(),
    private readonly cancelCallback: CancelCallback = () => 1,
  ) {
    node.domain.actionServers.add(this);
    node.onDestroy(() => this.destroy());
  }

  destroy(): void {
    this.node.domain.actionServers.delete(this);
  }

  /** A goal request arriving from a client; `reply` carries the acceptance back. */
  requestGoal(
    goalId: UuidMessage,
    goal: object,
    onFeedback: (feedback: object) => void,
    reply: (handle: FakeServerGoalHandle | undefined) => void,
  ): void {
    this.node.post(() => {
      const key = uuidKey(goalId);
      const accepted = !this.goals.has(key) && this.goalCallback(structuredClone(goal)) === ACCEPT;
      if (!accepted) {
        reply(undefined);
        return;
      }
      const handle = new FakeServerGoalHandle(
        goalId,
        structuredClone(goal),
        (h) => void this.executeGoal(h),
        (feedback) => this.feedbackSinks.get(key)?.(feedback),
        (message) => this.node.getLogger().warn(message),
      );
      this.goals.set(key, handle);
      this.feedbackSinks.set(key, onFeedback);
      reply(handle);
      this.handleAcceptedCallback(handle);
    });
  }

  /** A cancel request: the cancel callback decides; accepted goals move to CANCELING. */
  requestCancel(goalId: UuidMessage, reply: (accepted: boolean) => void): void {
    this.node.post(() => {
      void (async () => {
        const handle = this.goals.get(uuidKey(goalId));
        let accepted = false;
        if (handle !== undefined && handle.isActive) {
          accepted = (await this.cancelCallback(handle)) === ACCEPT;
          if (accepted) handle.updateState('cancel_goal');
        }
        reply(accepted);
      })();
    });
  }

  private async executeGoal(handle: FakeServerGoalHandle): Promise<void> {
    let result: object;
    try {
      result = await this.executeCallback(handle);
    } catch (error) {
      result = {};
      this.node.getLogger().error(`Error raised in execute callback: ${String(error)}`);
    }
    if (handle.isActive) {
      this.node.getLogger().warn('Goal state not set, assuming aborted.');
      handle.abort();
    }
    this.feedbackSinks.delete(uuidKey(handle.goalId));
    handle.finish(result);
  }
}
