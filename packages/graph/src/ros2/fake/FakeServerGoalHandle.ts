import { GoalStatusCode, type ServerGoalHandleApi, type UuidMessage } from '../RclnodejsApi.js';

export type GoalEvent = 'execute' | 'cancel_goal' | 'succeed' | 'abort' | 'canceled';

/** rcl_action's goal state machine: an invalid transition throws, as the native code does. */
const transitions: Record<number, Partial<Record<GoalEvent, number>>> = {
  [GoalStatusCode.STATUS_ACCEPTED]: {
    execute: GoalStatusCode.STATUS_EXECUTING,
    cancel_goal: GoalStatusCode.STATUS_CANCELING,
  },
  [GoalStatusCode.STATUS_EXECUTING]: {
    cancel_goal: GoalStatusCode.STATUS_CANCELING,
    succeed: GoalStatusCode.STATUS_SUCCEEDED,
    abort: GoalStatusCode.STATUS_ABORTED,
  },
  [GoalStatusCode.STATUS_CANCELING]: {
    succeed: GoalStatusCode.STATUS_SUCCEEDED,
    abort: GoalStatusCode.STATUS_ABORTED,
    canceled: GoalStatusCode.STATUS_CANCELED,
  },
};

export interface GoalOutcome {
  readonly status: number;
  readonly result: object;
}

/** rclnodejs's ServerGoalHandle. */
export class FakeServerGoalHandle implements ServerGoalHandleApi {
  status: number = GoalStatusCode.STATUS_ACCEPTED;
  private settle: (outcome: GoalOutcome) => void = () => undefined;
  /** Settles when the execute callback has finished (rclnodejs's `_deferred`). */
  readonly outcome = new Promise<GoalOutcome>((resolve) => (this.settle = resolve));

  constructor(
    readonly goalId: UuidMessage,
    readonly request: object,
    private readonly onExecute: (handle: FakeServerGoalHandle) => void,
    private readonly onFeedback: (feedback: object) => void,
    private readonly warn: (message: string) => void,
  ) {}

  get isActive(): boolean {
    return this.status < GoalStatusCode.STATUS_SUCCEEDED;
  }

  get isCancelRequested(): boolean {
    return this.status === GoalStatusCode.STATUS_CANCELING;
  }

  execute(): void {
    if (this.status === GoalStatusCode.STATUS_EXECUTING || !this.isActive) return;
    if (!this.isCancelRequested) this.updateState('execute');
    this.onExecute(this);
  }

  publishFeedback(feedback: object): void {
    if (this.status !== GoalStatusCode.STATUS_EXECUTING) {
      this.warn(
        `publishFeedback() called on goal in status ${this.status}, not executing; ignoring`,
      );
      return;
    }
    this.onFeedback(structuredClone(feedback));
  }

  succeed(): void {
    this.updateState('succeed');
  }

  abort(): void {
    this.updateState('abort');
  }

  canceled(): void {
    this.updateState('canceled');
  }

  updateState(event: GoalEvent): void {
    const next = transitions[this.status]?.[event];
    if (next === undefined)
      throw new Error(`Invalid goal state transition: ${event} from status ${this.status}`);
    this.status = next;
  }

  finish(result: object): void {
    this.settle({ status: this.status, result: structuredClone(result) });
  }
}
