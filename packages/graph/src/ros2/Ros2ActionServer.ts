import { InvalidMessageError, type ActionType } from '@hearth/interfaces';

import type { ActionExecuteCallback, ActionServer, Logger, ServerGoalHandle } from '../api.js';
import { errorText } from '../inprocess/SubscriptionQueue.js';
import type {
  ActionServerApi,
  NodeApi,
  RclnodejsApi,
  ServerGoalHandleApi,
} from './RclnodejsApi.js';
import { fromRos, uuidToString } from './rosValues.js';

/**
 * Hearth's action server on rclnodejs: one AbortController per goal, aborted by rclnodejs's
 * cancel callback; the execute callback's outcome becomes succeed() / canceled() / abort().
 */
export class Ros2ActionServer<Goal, Result, Feedback> implements ActionServer {
  private readonly server: ActionServerApi;
  private readonly controllers = new Map<ServerGoalHandleApi, AbortController>();

  constructor(
    rcl: RclnodejsApi<NodeApi>,
    node: NodeApi,
    readonly name: string,
    private readonly type: ActionType<Goal, Result, Feedback>,
    private readonly execute: ActionExecuteCallback<Goal, Result, Feedback>,
    private readonly logger: Logger,
  ) {
    this.server = new rcl.ActionServer(
      node,
      type.typeName,
      name,
      (goalHandle) => this.run(goalHandle),
      () => rcl.GoalResponse.ACCEPT,
      undefined,
      (goalHandle) => {
        const controller = goalHandle === undefined ? undefined : this.controllers.get(goalHandle);
        // rclnodejs moves the goal to CANCELING only after this callback returns: abort on a
        // later turn so the execute callback sees isCancelRequested and may call canceled().
        if (controller !== undefined) setImmediate(() => controller.abort());
        return rcl.CancelResponse.ACCEPT;
      },
    );
  }

  destroy(): void {
    for (const controller of this.controllers.values()) controller.abort();
    this.server.destroy();
  }

  private async run(goalHandle: ServerGoalHandleApi): Promise<object> {
    const controller = new AbortController();
    this.controllers.set(goalHandle, controller);
    const { type } = this;
    let result: Result;
    let threw = false;
    try {
      const goal = type.goal.parse(fromRos(goalHandle.request));
      const handle: ServerGoalHandle<Goal, Feedback> = {
        goalId: uuidToString(goalHandle.goalId),
        goal,
        signal: controller.signal,
        get isCancelRequested() {
          return goalHandle.isCancelRequested;
        },
        publishFeedback(feedback: Feedback): void {
          const checked = type.feedback.check(feedback);
          if (!checked.ok) throw new InvalidMessageError(type.feedback.typeName, checked.issues);
          goalHandle.publishFeedback(checked.value as object);
        },
      };
      result = type.result.parse(await this.execute(handle));
    } catch (error) {
      threw = true;
      result = type.result.create();
      this.logger.error(`action ${this.name}: goal aborted, execute threw`, {
        error: errorText(error),
      });
    } finally {
      this.controllers.delete(goalHandle);
    }
    if (goalHandle.isActive) {
      if (threw) goalHandle.abort();
      else if (controller.signal.aborted && goalHandle.isCancelRequested) goalHandle.canceled();
      else if (controller.signal.aborted) goalHandle.abort();
      else goalHandle.succeed();
    }
    return result as object;
  }
}
