import { InvalidMessageError, type ServiceType } from '@hearth/interfaces';

import type { ServiceClient } from '../api.js';
import { ServiceUnavailableError } from '../errors/ServiceUnavailableError.js';
import type { InProcessService } from './InProcessService.js';
import type { Registry } from './Registry.js';

/** How long call() waits when no timeout is given. */
export const DEFAULT_SERVICE_TIMEOUT_MS = 5000;

/** Calls the in-process service of one name. */
export class InProcessServiceClient<Request, Response> implements ServiceClient<Request, Response> {
  constructor(
    readonly name: string,
    private readonly type: ServiceType<Request, Response>,
    private readonly registry: Registry<InProcessService<unknown, unknown>>,
  ) {}

  waitForService(timeoutMs: number): Promise<boolean> {
    return this.registry.waitFor(this.name, timeoutMs);
  }

  async call(request: Request, timeoutMs = DEFAULT_SERVICE_TIMEOUT_MS): Promise<Response> {
    const checked = this.type.request.check(request);
    if (!checked.ok) throw new InvalidMessageError(this.type.request.typeName, checked.issues);
    const started = Date.now();
    if (!(await this.registry.waitFor(this.name, timeoutMs))) {
      throw new ServiceUnavailableError(this.name, timeoutMs);
    }
    const server = this.registry.lookup(this.name, this.type.typeName) as
      InProcessService<Request, Response> | undefined;
    if (server === undefined) throw new ServiceUnavailableError(this.name, timeoutMs);
    const left = Math.max(0, timeoutMs - (Date.now() - started));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new ServiceUnavailableError(this.name, timeoutMs, 'the server did not answer')),
        left,
      );
    });
    try {
      return await Promise.race([server.handle(checked.value), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
