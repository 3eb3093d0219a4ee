import type { FakeActionServer } from './FakeActionServer.js';
import type { FakeLogLine } from './FakeLogging.js';
import type { FakeNode } from './FakeNode.js';
import type { FakeQoS } from './FakeQoS.js';

export interface FakeWriter {
  readonly node: FakeNode;
  readonly typeClass: string;
  readonly topic: string;
  readonly qos: FakeQoS;
  readonly history: object[];
}

export interface FakeReader {
  readonly node: FakeNode;
  readonly typeClass: string;
  readonly topic: string;
  readonly qos: FakeQoS;
  receive(message: object): void;
}

export interface FakeServiceServer {
  readonly node: FakeNode;
  readonly typeClass: string;
  readonly serviceName: string;
  handle(request: object, reply: (response: object) => void): void;
}

/**
 * The fake's middleware (what DDS is to rclnodejs): endpoints match by name and type, QoS
 * compatibility and durability as DDS defines them, and every delivery is asynchronous.
 */
export class FakeDomain {
  readonly writers = new Set<FakeWriter>();
  readonly readers = new Set<FakeReader>();
  readonly services = new Set<FakeServiceServer>();
  readonly actionServers = new Set<FakeActionServer>();
  readonly logs: FakeLogLine[] = [];
  initialized = false;

  addWriter(writer: FakeWriter): void {
    this.writers.add(writer);
  }

  addReader(reader: FakeReader): void {
    this.readers.add(reader);
    // A late-joining transient_local reader gets what transient_local writers kept.
    if (!reader.qos.isTransientLocal) return;
    for (const writer of this.writers) {
      if (matches(writer, reader))
        for (const message of writer.history) reader.receive(structuredClone(message));
    }
  }

  write(writer: FakeWriter, message: object): void {
    if (writer.qos.isTransientLocal) {
      writer.history.push(structuredClone(message));
      while (writer.history.length > writer.qos.historyDepth) writer.history.shift();
    }
    for (const reader of this.readers)
      if (matches(writer, reader)) reader.receive(structuredClone(message));
  }

  /**
   * The type names the topic's publishers and subscriptions were created with (each once,
   * sorted): what a ROS 2 graph would show as the topic's types, for tests of the type mapping.
   */
  topicTypes(topic: string): string[] {
    const types = [...this.writers, ...this.readers]
      .filter((endpoint) => endpoint.topic === topic)
      .map((endpoint) => endpoint.typeClass);
    return [...new Set(types)].sort();
  }

  service(serviceName: string, typeClass: string): FakeServiceServer | undefined {
    return [...this.services].find(
      (s) => s.serviceName === serviceName && s.typeClass === typeClass,
    );
  }

  actionServer(actionName: string, typeClass: string): FakeActionServer | undefined {
    return [...this.actionServers].find(
      (s) => s.actionName === actionName && s.typeClass === typeClass,
    );
  }
}

/** Same topic and type, and QoS that DDS deems compatible. */
function matches(writer: FakeWriter, reader: FakeReader): boolean {
  if (writer.topic !== reader.topic || writer.typeClass !== reader.typeClass) return false;
  if (writer.qos.isBestEffort && !reader.qos.isBestEffort) return false;
  if (!writer.qos.isTransientLocal && reader.qos.isTransientLocal) return false;
  return true;
}
