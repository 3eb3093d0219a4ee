import { randomBytes } from 'node:crypto';

import {
  GoalStatusCode,
  type ActionClientApi,
  type ClientGoalHandleApi,
  type UuidMessage,
} from '../RclnodejsApi.js';
import type { FakeServerGoalHandle } from './FakeServerGoalHandle.js';
import { pollUntil, type FakeNode } from './FakeNode.js';

/** rclnodejs's ClientGoalHandle: status is learned with the result. */
class FakeClientGoalHandle implements ClientGoalHandleApi {
  status: number;

  constructor(
    readonly goalId: UuidMessage,
    private readonly server: FakeServerGoalHandle | undefined,
    private readonly client: FakeActionClient,
  ) {
    this.status =
      server === undefined ? GoalStatusCode.STATUS_UNKNOWN : GoalStatusCode.STATUS_ACCEPTED;
  }

  get accepted(): boolean {
    return this.server !== undefined;
  }
  isSucceeded(): boolean {
    return this.status === GoalStatusCode.STATUS_SUCCEEDED;
  }
  isCanceled(): boolean {
    return this.status === GoalStatusCode.STATUS_CANCELED;
  }
  isAborted(): boolean {
    return this.status === GoalStatusCode.STATUS_ABORTED;
  }

  cancelGoal(): Promise<object> {
    return this.client.cancel(this.goalId);
  }

  getResult(): Promise<object> {
    const server = this.server;
    if (server === undefined) return Promise.reject(new Error('Goal was not accepted'));
    return new Promise((resolve) => {
      void server.outcome.then((outcome) =>
        this.client.node.post(() => {
          this.status = outcome.status;
          resolve(structuredClone(outcome.result));
        }),
      );
    });
  }
}

/** rclnodejs's ActionClient. */
export class FakeActionClient implements ActionClientApi {
  private destroyed = false;

  constructor(
    readonly node: FakeNode,
    readonly typeClass: string,
    readonly actionName: string,
  ) {
    node.onDestroy(() => this.destroy());
  }

  sendGoal(
    goal: object,
    feedbackCallback?: (feedback: object) => void,
  ): Promise<ClientGoalHandleApi> {
    const goalId: UuidMessage = { uuid: Array.from(randomBytes(16)) };
    const server = this.node.domain.actionServer(this.actionName, this.typeClass);
    return new Promise((resolve) => {
      // No server: the request is lost and the promise never settles, as with rclnodejs.
      server?.requestGoal(
        goalId,
        structuredClone(goal),
        (feedback) => this.node.post(() => !this.destroyed && feedbackCallback?.(feedback)),
        (handle) => this.node.post(() => resolve(new FakeClientGoalHandle(goalId, handle, this))),
      );
    });
  }

  cancel(goalId: UuidMessage): Promise<object> {
    const server = this.node.domain.actionServer(this.actionName, this.typeClass);
    return new Promise((resolve) => {
      server?.requestCancel(goalId, (accepted) =>
        this.node.post(() =>
          resolve({
            return_code: accepted ? 0 : 1,
            goals_canceling: accepted ? [{ goal_id: goalId }] : [],
          }),
        ),
      );
    });
  }

  isActionServerAvailable(): boolean {
    return this.node.domain.actionServer(this.actionName, this.typeClass) !== undefined;
  }

  waitForServer(timeout?: number): Promise<boolean> {
    return pollUntil(() => this.isActionServerAvailable(), timeout);
  }

  destroy(): void {
    this.destroyed = true;
  }
}
