import { InvalidMessageError, type ActionType } from '@hearth/interfaces';

import type {
  ActionExecuteCallback,
  ActionOutcome,
  ActionServer,
  GoalStatus,
  Logger,
  ServerGoalHandle,
} from '../api.js';
import { errorText } from './SubscriptionQueue.js';

/** Where a goal's feedback and result go: the client's ordered mailbox. */
export interface GoalSink<Result, Feedback> {
  feedback(feedback: Feedback): void;
  result(outcome: ActionOutcome<Result>): void;
}

/** The server's side of one goal. */
class InProcessGoal<Goal, Result, Feedback> implements ServerGoalHandle<Goal, Feedback> {
  private readonly controller = new AbortController();
  private cancelRequested = false;
  finished = false;

  constructor(
    readonly goalId: string,
    readonly goal: Goal,
    private readonly type: ActionType<Goal, Result, Feedback>,
    private readonly sink: GoalSink<Result, Feedback>,
    private readonly logger: Logger,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isCancelRequested(): boolean {
    return this.cancelRequested;
  }

  publishFeedback(feedback: Feedback): void {
    const checked = this.type.feedback.check(feedback);
    if (!checked.ok) throw new InvalidMessageError(this.type.feedback.typeName, checked.issues);
    // As on ROS 2, feedback counts only while the goal executes: none after a cancel request.
    if (this.finished || this.cancelRequested) {
      this.logger.debug('feedback after cancel or end ignored', { goalId: this.goalId });
      return;
    }
    this.sink.feedback(structuredClone(checked.value));
  }

  requestCancel(): void {
    if (this.finished || this.cancelRequested) return;
    this.cancelRequested = true;
    this.controller.abort();
  }

  /** The node is going away: the goal ends as aborted. */
  abortForShutdown(): void {
    if (!this.finished) this.controller.abort();
  }

  statusAfter(threw: boolean): GoalStatus {
    if (threw) return 'aborted';
    if (this.signal.aborted) return this.cancelRequested ? 'canceled' : 'aborted';
    return 'succeeded';
  }
}

/** Runs goals for one action name on the in-process bus. */
export class InProcessActionServer<Goal, Result, Feedback> implements ActionServer {
  private readonly goals = new Map<string, InProcessGoal<Goal, Result, Feedback>>();

  constructor(
    readonly name: string,
    readonly type: ActionType<Goal, Result, Feedback>,
    private readonly execute: ActionExecuteCallback<Goal, Result, Feedback>,
    private readonly logger: Logger,
  ) {}

  /** Accepts a goal and runs it on a later turn of the event loop, never inside sendGoal. */
  accept(goalId: string, goal: Goal, sink: GoalSink<Result, Feedback>): void {
    const handle = new InProcessGoal(goalId, goal, this.type, sink, this.logger);
    this.goals.set(goalId, handle);
    setImmediate(() => void this.run(handle, sink));
  }

  cancel(goalId: string): void {
    this.goals.get(goalId)?.requestCancel();
  }

  destroy(): void {
    for (const goal of this.goals.values()) goal.abortForShutdown();
  }

  private async run(
    handle: InProcessGoal<Goal, Result, Feedback>,
    sink: GoalSink<Result, Feedback>,
  ): Promise<void> {
    let result: Result;
    let threw = false;
    try {
      const returned = await this.execute(handle);
      const checked = this.type.result.check(returned);
      if (!checked.ok) throw new InvalidMessageError(this.type.result.typeName, checked.issues);
      result = checked.value;
    } catch (error) {
      threw = true;
      result = this.type.result.create();
      this.logger.error(`action ${this.name}: goal aborted, execute threw`, {
        goalId: handle.goalId,
        error: errorText(error),
      });
    }
    const status = handle.statusAfter(threw);
    handle.finished = true;
    this.goals.delete(handle.goalId);
    sink.result({ status, result: structuredClone(result) });
  }
}
