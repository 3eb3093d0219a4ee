import { InvalidMessageError, type ServiceType } from '@hearth/interfaces';

import type { Logger, Service } from '../api.js';
import { ServiceCallFailedError } from '../errors/ServiceCallFailedError.js';
import { errorText } from './SubscriptionQueue.js';

/** Answers requests for one service name on the in-process bus. */
export class InProcessService<Request, Response> implements Service {
  constructor(
    readonly name: string,
    readonly type: ServiceType<Request, Response>,
    private readonly handler: (request: Request) => Response | Promise<Response>,
    private readonly logger: Logger,
  ) {}

  /** Runs the handler on a later turn of the event loop and checks its response. */
  handle(request: Request): Promise<Response> {
    return new Promise<Response>((resolve, reject) => {
      setImmediate(() => {
        Promise.resolve()
          .then(() => this.handler(structuredClone(request)))
          .then((response) => {
            const checked = this.type.response.check(response);
            if (!checked.ok)
              throw new InvalidMessageError(this.type.response.typeName, checked.issues);
            resolve(structuredClone(checked.value));
          })
          .catch((error: unknown) => {
            this.logger.error(`service ${this.name}: handler failed`, { error: errorText(error) });
            reject(
              new ServiceCallFailedError(
                this.name,
                error instanceof Error ? error.message : String(error),
              ),
            );
          });
      });
    });
  }
}
