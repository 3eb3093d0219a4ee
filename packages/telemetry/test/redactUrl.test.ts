import { describe, expect, it } from '@jest/globals';
import { redactUrl } from '../src/connection/redactUrl.js';
import { InvalidMqttUrlError } from '../src/errors/InvalidMqttUrlError.js';
import { TelemetryNode } from '../src/TelemetryNode.js';
import { createInProcessTransport, LogCapture } from '@hearth/graph';

describe('redactUrl', () => {
  it('hides the password of a broker URL and keeps the rest', () => {
    expect(redactUrl('mqtts://robot-a:s3cr%40t@broker.example.org:8883')).toBe(
      'mqtts://robot-a:***@broker.example.org:8883',
    );
    expect(redactUrl('wss://u:p@h.example.org/mqtt')).toBe('wss://u:***@h.example.org/mqtt');
  });

  it('leaves a URL without a password as it is', () => {
    expect(redactUrl('mqtt://127.0.0.1:1883')).toBe('mqtt://127.0.0.1:1883');
    expect(redactUrl('mqtt://robot-a@127.0.0.1:1883')).toBe('mqtt://robot-a@127.0.0.1:1883');
  });

  it('hides what could be credentials in something that is not a URL', () => {
    expect(redactUrl('//robot:secret@[bad')).toBe('//***@[bad');
  });

  it('keeps the password out of the invalid-URL error', async () => {
    const transport = createInProcessTransport({ logger: { capture: new LogCapture() } });
    const create = (): TelemetryNode =>
      new TelemetryNode(transport.createNode('telemetry'), {
        mqttUrl: 'http://robot:secret@broker:1883',
        outboxDir: 'memory',
      });
    expect(create).toThrow(InvalidMqttUrlError);
    expect(create).toThrow(/http:\/\/robot:\*\*\*@broker:1883/);
    await transport.shutdown();
  });
});
