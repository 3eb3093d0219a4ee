/** A second action server or service was created under a name that already has one. */
export class DuplicateEndpointError extends Error {
  constructor(
    readonly entity: 'action server' | 'service',
    readonly entityName: string,
  ) {
    super(
      `An ${entity} for ${entityName} already exists. Fix: serve ${entityName} from one node only.`,
    );
    this.name = 'DuplicateEndpointError';
  }
}
