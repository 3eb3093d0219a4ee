import type * as Rcl from 'rclnodejs';

import type { RclnodejsApi } from '../RclnodejsApi.js';
import { FakeActionClient } from './FakeActionClient.js';
import { FakeActionServer } from './FakeActionServer.js';
import { FakeDomain } from './FakeDomain.js';
import { FakeNode } from './FakeNode.js';
import { FakeParameter } from './FakeParameter.js';
import { FakeParameterDescriptor } from './FakeParameterDescriptor.js';
import { FakeQoS } from './FakeQoS.js';
import { FakeRange } from './FakeRange.js';

export interface FakeRclnodejs extends RclnodejsApi<FakeNode> {
  /** The fake middleware, for tests that inspect logs or endpoints. */
  readonly domain: FakeDomain;
}

/**
 * A fake of the rclnodejs subset Hearth uses, for machines without ROS 2. Its return type is the
 * proof that it mirrors rclnodejs's .d.ts: RclnodejsApi is checked against the real module too.
 * Each call makes a separate domain, so tests do not see each other's endpoints.
 */
export function createFakeRclnodejs(): FakeRclnodejs {
  const domain = new FakeDomain();
  return {
    domain,
    init: async (_context?: Rcl.Context, _argv?: string[]) => {
      if (domain.initialized) throw new Error('The context has already been initialized.');
      domain.initialized = true;
    },
    shutdown: () => {
      domain.initialized = false;
    },
    isShutdown: () => !domain.initialized,
    Node: class extends FakeNode {
      constructor(nodeName: string, namespace?: string) {
        super(domain, nodeName, namespace);
      }
    },
    QoS: FakeQoS,
    Parameter: FakeParameter,
    ParameterDescriptor: FakeParameterDescriptor,
    FloatingPointRange: class extends FakeRange {
      constructor(from: number, to: number, step = 0, tolerance = 1e-6) {
        super(from, to, step, 3, tolerance);
      }
    },
    IntegerRange: class extends FakeRange {
      constructor(from: bigint, to: bigint, step = 1n) {
        super(from, to, step, 2);
      }
    },
    ActionServer: FakeActionServer,
    ActionClient: FakeActionClient,
    GoalResponse: { REJECT: 1, ACCEPT: 2 } as typeof Rcl.GoalResponse,
    CancelResponse: { REJECT: 1, ACCEPT: 2 } as typeof Rcl.CancelResponse,
  };
}
