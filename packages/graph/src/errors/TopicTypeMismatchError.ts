/** Two different message types were used on one topic, action or service name. */
export class TopicTypeMismatchError extends Error {
  constructor(
    readonly entity: 'topic' | 'action' | 'service',
    readonly entityName: string,
    readonly existingType: string,
    readonly requestedType: string,
  ) {
    super(
      `The ${entity} ${entityName} already carries ${existingType}, but ${requestedType} was requested. ` +
        `Fix: use ${existingType} on ${entityName}, or give the new ${entity} its own name.`,
    );
    this.name = 'TopicTypeMismatchError';
  }
}
