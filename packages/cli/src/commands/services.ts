import { startEmbeddedBroker, type EmbeddedBroker } from '@hearth/telemetry';

/** The broker telemetry uses: the one `--mqtt URL` names, else an embedded aedes broker. */
export interface BrokerChoice {
  readonly url: string;
  /** Present when Hearth runs the broker itself. */
  readonly embedded: EmbeddedBroker | undefined;
}

export async function chooseBroker(options: {
  mqtt?: string;
  mqttPort: number;
  host?: string;
}): Promise<BrokerChoice> {
  if (options.mqtt !== undefined) return { url: options.mqtt, embedded: undefined };
  const embedded = await startEmbeddedBroker({
    port: options.mqttPort,
    ...(options.host === undefined ? {} : { host: options.host }),
  });
  return { url: embedded.url, embedded };
}

/**
 * Waits for Ctrl-C (SIGINT) or SIGTERM, once. Keeps the process alive meanwhile, as spinning a
 * ROS 2 node does: a node on the in-process transport may hold no socket or timer of its own.
 */
export function untilInterrupted(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const keepAlive = setInterval(() => undefined, 1 << 30);
    const done = (signal: NodeJS.Signals): void => {
      clearInterval(keepAlive);
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve(signal);
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}
