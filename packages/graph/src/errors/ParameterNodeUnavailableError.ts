/** A parameter request to another node got no answer: the node is not running, or too slow. */
export class ParameterNodeUnavailableError extends Error {
  constructor(
    readonly remoteNodeName: string,
    readonly timeoutMs: number,
    detail = 'is not running',
  ) {
    super(
      `Node ${remoteNodeName} ${detail}: no answer to parameter requests within ${timeoutMs} ms. ` +
        `Fix: start ${remoteNodeName} (check the name and namespace with \`ros2 node list\`), ` +
        'or pass a longer timeout.',
    );
    this.name = 'ParameterNodeUnavailableError';
  }
}
