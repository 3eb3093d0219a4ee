import { InvalidMessageError, type ActionType } from '@hearth/interfaces';

import type {
  ActionClient,
  ActionOutcome,
  ClientGoalHandle,
  GoalStatus,
  Logger,
  SendGoalOptions,
} from '../api.js';
import { ActionServerUnavailableError } from '../errors/ActionServerUnavailableError.js';
import { errorText } from '../inprocess/SubscriptionQueue.js';
import type {
  ActionClientApi,
  ClientGoalHandleApi,
  NodeApi,
  RclnodejsApi,
} from './RclnodejsApi.js';
import { fromRos, uuidToString } from './rosValues.js';

/** Hearth's action client on rclnodejs's ActionClient. */
export class Ros2ActionClient<Goal, Result, Feedback> implements ActionClient<
  Goal,
  Result,
  Feedback
> {
  private readonly client: ActionClientApi;

  constructor(
    rcl: RclnodejsApi<NodeApi>,
    node: NodeApi,
    readonly name: string,
    private readonly type: ActionType<Goal, Result, Feedback>,
    private readonly logger: Logger,
  ) {
    this.client = new rcl.ActionClient(node, type.typeName, name);
  }

  waitForServer(timeoutMs: number): Promise<boolean> {
    return this.client.waitForServer(timeoutMs);
  }

  async sendGoal(
    goal: Goal,
    options: SendGoalOptions<Feedback> = {},
  ): Promise<ClientGoalHandle<Result>> {
    const checked = this.type.goal.check(goal);
    if (!checked.ok) throw new InvalidMessageError(this.type.goal.typeName, checked.issues);
    if (!this.client.isActionServerAvailable()) throw new ActionServerUnavailableError(this.name);
    const handle = await this.client.sendGoal(checked.value as object, (feedback) =>
      this.deliverFeedback(options, feedback),
    );
    const result: Promise<ActionOutcome<Result>> = handle.accepted
      ? handle.getResult().then(
          (raw) => ({ status: statusOf(handle), result: this.parseResult(raw) }),
          (error: unknown) => {
            this.logger.error(`action ${this.name}: result request failed`, {
              error: errorText(error),
            });
            return { status: 'aborted' as const, result: this.type.result.create() };
          },
        )
      : Promise.resolve({ status: 'aborted', result: this.type.result.create() });
    return {
      goalId: uuidToString(handle.goalId),
      accepted: handle.accepted,
      result,
      cancel: async () => {
        await handle.cancelGoal();
      },
    };
  }

  destroy(): void {
    this.client.destroy();
  }

  private parseResult(raw: object): Result {
    const checked = this.type.result.check(fromRos(raw));
    if (checked.ok) return checked.value;
    this.logger.error(`action ${this.name}: invalid result`, { issues: checked.issues });
    return this.type.result.create();
  }

  private deliverFeedback(options: SendGoalOptions<Feedback>, raw: object): void {
    const checked = this.type.feedback.check(fromRos(raw));
    if (!checked.ok) {
      this.logger.error(`action ${this.name}: invalid feedback dropped`, {
        issues: checked.issues,
      });
      return;
    }
    try {
      options.onFeedback?.(checked.value);
    } catch (error) {
      this.logger.error(`action ${this.name}: onFeedback threw`, { error: errorText(error) });
    }
  }
}

function statusOf(handle: ClientGoalHandleApi): GoalStatus {
  if (handle.isSucceeded()) return 'succeeded';
  if (handle.isCanceled()) return 'canceled';
  return 'aborted';
}
