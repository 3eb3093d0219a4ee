import type { MessageType } from '@hearth/interfaces';

import type { QosProfile } from '../api.js';
import { TopicTypeMismatchError } from '../errors/TopicTypeMismatchError.js';
import type { SubscriptionQueue } from './SubscriptionQueue.js';

/** What a transient_local publisher keeps for late subscribers. */
export class PublisherHistory {
  readonly messages: unknown[] = [];
  constructor(readonly qos: QosProfile) {}

  remember(message: unknown): void {
    if (this.qos.durability !== 'transient_local') return;
    this.messages.push(message);
    while (this.messages.length > this.qos.depth) this.messages.shift();
  }
}

/** One topic on the in-process bus: its type, publishers and subscriptions. */
export class TopicChannel {
  private typeName: string | undefined;
  private readonly publishers = new Set<PublisherHistory>();
  private readonly subscriptions = new Set<SubscriptionQueue<unknown>>();

  constructor(readonly name: string) {}

  get isEmpty(): boolean {
    return this.publishers.size === 0 && this.subscriptions.size === 0;
  }

  /** Every endpoint of a topic must agree on its type (ROS 2 would silently not connect them). */
  claimType(type: MessageType<unknown>): void {
    if (this.isEmpty) this.typeName = type.typeName;
    if (this.typeName !== undefined && this.typeName !== type.typeName) {
      throw new TopicTypeMismatchError('topic', this.name, this.typeName, type.typeName);
    }
  }

  addPublisher(history: PublisherHistory): void {
    this.publishers.add(history);
  }

  removePublisher(history: PublisherHistory): void {
    this.publishers.delete(history);
  }

  /** Adds a subscription; a transient_local one gets what transient_local publishers kept. */
  addSubscription(queue: SubscriptionQueue<unknown>): void {
    this.subscriptions.add(queue);
    if (queue.qos.durability !== 'transient_local') return;
    for (const history of this.publishers) {
      for (const message of history.messages) queue.push(structuredClone(message));
    }
  }

  removeSubscription(queue: SubscriptionQueue<unknown>): void {
    this.subscriptions.delete(queue);
    queue.close();
  }

  /** Each subscription gets its own copy, as over DDS: no subscriber can change another's message. */
  deliver(from: PublisherHistory, message: unknown): void {
    from.remember(structuredClone(message));
    for (const queue of this.subscriptions) queue.push(structuredClone(message));
  }
}
