/**
 * Who is with the robot now, as ros4hri's person manager says: the ids on
 * `/humans/persons/tracked` (hri_msgs/msg/IdsList). It only keeps the latest list and says when it
 * changed; which consent follows from it is ConsentProfile's business.
 *
 * ros4hri publishes the list continuously, so a list is only believed for `timeoutMs` after it
 * came: if the publisher stops (the person manager crashed, the topic was remapped), the last
 * list must not keep someone's consent in force for ever. Past that, nobody counts as tracked.
 */
import { IdsListType, type IdsList } from '@hearth/interfaces';
import { Qos, type Disposable, type GraphNode, type TimerHandle, type Timers } from '@hearth/graph';

export interface TrackedPeopleOptions {
  readonly timers: Timers;
  /** How long a list holds without a new one; 0: for ever. */
  readonly timeoutMs: number;
}

export class TrackedPeople implements Disposable {
  private ids: readonly string[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly timers: Timers;
  private timeoutMs: number;
  private expiry: TimerHandle | undefined;

  constructor(
    private readonly node: GraphNode,
    topic: string,
    options: TrackedPeopleOptions,
  ) {
    this.timers = options.timers;
    this.timeoutMs = options.timeoutMs;
    // Reliable and volatile: it matches ros4hri's publishers whatever their durability (a
    // transient-local subscription would not match a volatile publisher on ROS 2).
    node.createSubscription(IdsListType, topic, (message) => this.onList(message), Qos.events);
  }

  /** The ids tracked now, without repeats, in the order received; empty before any list. */
  get current(): readonly string[] {
    return this.ids;
  }

  /** Changes how long a list holds; counted again from now for the list in force. */
  setTimeoutMs(timeoutMs: number): void {
    this.timeoutMs = timeoutMs;
    this.arm();
  }

  /** Called when the set of tracked ids changed (not on every repeated list). */
  onChange(listener: () => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  dispose(): void {
    this.disarm();
    this.listeners.clear();
  }

  private onList(message: IdsList): void {
    const ids = [...new Set(message.ids.filter((id) => id !== ''))];
    // Every list, repeated or not, shows the publisher is alive.
    const changed = !sameSet(ids, this.ids);
    this.ids = ids;
    this.arm();
    if (changed) this.notify();
  }

  /** (Re)starts the expiry of the list in force; an empty list has nothing to expire. */
  private arm(): void {
    this.disarm();
    if (this.timeoutMs <= 0 || this.ids.length === 0) return;
    this.expiry = this.timers.setTimeout(() => this.expire(), this.timeoutMs);
  }

  private disarm(): void {
    if (this.expiry !== undefined) this.timers.clearTimeout(this.expiry);
    this.expiry = undefined;
  }

  private expire(): void {
    this.expiry = undefined;
    // Once per silence: the list is now empty, and an empty list arms no timer.
    this.node.logger.warn(
      'tracked persons expired: no list within consent.tracked_persons_timeout_ms; nobody counts as tracked (consent.current_person or consent.default applies) until the next list',
      { timeoutMs: this.timeoutMs, ids: this.ids.length },
    );
    this.ids = [];
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}
