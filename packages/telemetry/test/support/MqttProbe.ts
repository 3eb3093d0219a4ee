/**
 * A test MQTT client that records every message it receives and lets a test wait for the first
 * one matching a predicate (already received or still to come). No timing assertions: a wait
 * that never matches fails by jest's test timeout.
 */
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';

export interface ProbeMessage {
  readonly topic: string;
  readonly text: string;
  readonly json: unknown;
  readonly retain: boolean;
  readonly qos: number;
}

export class MqttProbe {
  readonly messages: ProbeMessage[] = [];
  private waiters: { match: (m: ProbeMessage) => boolean; resolve: (m: ProbeMessage) => void }[] =
    [];

  private constructor(readonly client: MqttClient) {
    client.on('message', (topic, payload, packet) => {
      const text = payload.toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      const message = { topic, text, json, retain: packet.retain, qos: packet.qos };
      this.messages.push(message);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(message)) return true;
        w.resolve(message);
        return false;
      });
    });
  }

  static async connect(
    url: string,
    filter: string | string[],
    options: IClientOptions = {},
  ): Promise<MqttProbe> {
    const client = await mqtt.connectAsync(url, { reconnectPeriod: 0, ...options });
    const probe = new MqttProbe(client);
    await client.subscribeAsync(filter, { qos: 1 });
    return probe;
  }

  next(match: (m: ProbeMessage) => boolean): Promise<ProbeMessage> {
    const found = this.messages.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  async close(): Promise<void> {
    await this.client.endAsync(true);
  }
}

/** The real mosquitto started by tests/support/global-setup.js. */
export function mosquittoUrl(): string {
  const url = process.env.HEARTH_TEST_MOSQUITTO_URL;
  if (!url) {
    throw new Error(
      'HEARTH_TEST_MOSQUITTO_URL is not set: tests/support/global-setup.js starts mosquitto and sets it. ' +
        'Install mosquitto (npm run setup) and run the tests through jest with the root config.',
    );
  }
  return url;
}
