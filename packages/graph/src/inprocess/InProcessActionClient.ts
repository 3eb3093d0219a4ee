import { randomUUID } from 'node:crypto';

import { InvalidMessageError, type ActionType } from '@hearth/interfaces';

import type {
  ActionClient,
  ActionOutcome,
  ClientGoalHandle,
  Logger,
  SendGoalOptions,
} from '../api.js';
import { ActionServerUnavailableError } from '../errors/ActionServerUnavailableError.js';
import { GraphEntityDestroyedError } from '../errors/GraphEntityDestroyedError.js';
import type { InProcessActionServer } from './InProcessActionServer.js';
import type { Registry } from './Registry.js';
import { errorText } from './SubscriptionQueue.js';

type GoalEvent<Result, Feedback> =
  | { readonly kind: 'feedback'; readonly feedback: Feedback }
  | { readonly kind: 'result'; readonly outcome: ActionOutcome<Result> };

/** Sends goals to the in-process action server of one name. */
export class InProcessActionClient<Goal, Result, Feedback> implements ActionClient<
  Goal,
  Result,
  Feedback
> {
  private destroyed = false;

  constructor(
    readonly name: string,
    private readonly type: ActionType<Goal, Result, Feedback>,
    private readonly registry: Registry<InProcessActionServer<unknown, unknown, unknown>>,
    private readonly logger: Logger,
  ) {}

  waitForServer(timeoutMs: number): Promise<boolean> {
    return this.registry.waitFor(this.name, timeoutMs);
  }

  async sendGoal(
    goal: Goal,
    options: SendGoalOptions<Feedback> = {},
  ): Promise<ClientGoalHandle<Result>> {
    if (this.destroyed) throw new GraphEntityDestroyedError(`Action client ${this.name}`);
    const checked = this.type.goal.check(goal);
    if (!checked.ok) throw new InvalidMessageError(this.type.goal.typeName, checked.issues);
    const server = this.registry.lookup(this.name, this.type.typeName) as
      InProcessActionServer<Goal, Result, Feedback> | undefined;
    if (server === undefined) throw new ActionServerUnavailableError(this.name);

    const goalId = randomUUID();
    let settle: (outcome: ActionOutcome<Result>) => void = () => undefined;
    const result = new Promise<ActionOutcome<Result>>((resolve) => (settle = resolve));
    // One ordered mailbox per goal: every feedback is delivered before the result, in order,
    // and never inside the server's publishFeedback call.
    const mailbox: GoalEvent<Result, Feedback>[] = [];
    let scheduled = false;
    const drain = (): void => {
      scheduled = false;
      for (let event = mailbox.shift(); event !== undefined; event = mailbox.shift()) {
        if (event.kind === 'result') settle(event.outcome);
        else if (!this.destroyed) this.deliverFeedback(options, event.feedback);
      }
    };
    const post = (event: GoalEvent<Result, Feedback>): void => {
      mailbox.push(event);
      if (!scheduled) {
        scheduled = true;
        setImmediate(drain);
      }
    };
    server.accept(goalId, structuredClone(checked.value), {
      feedback: (feedback) => post({ kind: 'feedback', feedback }),
      result: (outcome) => post({ kind: 'result', outcome }),
    });
    return {
      goalId,
      accepted: true,
      result,
      cancel: () =>
        new Promise<void>((resolve) =>
          setImmediate(() => {
            server.cancel(goalId);
            resolve();
          }),
        ),
    };
  }

  destroy(): void {
    this.destroyed = true;
  }

  private deliverFeedback(options: SendGoalOptions<Feedback>, feedback: Feedback): void {
    try {
      options.onFeedback?.(feedback);
    } catch (error) {
      this.logger.error(`action ${this.name}: onFeedback threw`, { error: errorText(error) });
    }
  }
}
