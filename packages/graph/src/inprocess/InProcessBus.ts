import type { Logger } from '../api.js';
import type { InProcessActionServer } from './InProcessActionServer.js';
import type { InProcessService } from './InProcessService.js';
import { ParameterDirectory } from './ParameterDirectory.js';
import { Registry } from './Registry.js';
import { TopicChannel } from './TopicChannel.js';

/**
 * What all nodes of one in-process transport share: topics, action servers, services and every
 * node's parameters.
 */
export class InProcessBus {
  private readonly topics = new Map<string, TopicChannel>();
  readonly actions = new Registry<InProcessActionServer<unknown, unknown, unknown>>('action');
  readonly services = new Registry<InProcessService<unknown, unknown>>('service');
  readonly parameters: ParameterDirectory;

  constructor(readonly logger: Logger) {
    this.parameters = new ParameterDirectory(logger);
  }

  topic(name: string): TopicChannel {
    let channel = this.topics.get(name);
    if (channel === undefined) {
      channel = new TopicChannel(name);
      this.topics.set(name, channel);
    }
    return channel;
  }

  /** Forgets a topic once its last endpoint is gone, so its type may change (as in ROS 2). */
  release(channel: TopicChannel): void {
    if (channel.isEmpty) this.topics.delete(channel.name);
  }
}
