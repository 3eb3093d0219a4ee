/** A goal was sent to an action that no server offers. */
export class ActionServerUnavailableError extends Error {
  constructor(readonly actionName: string) {
    super(
      `No action server for ${actionName}. Fix: start the node that serves ${actionName} ` +
        `(or await client.waitForServer(ms) before sending goals).`,
    );
    this.name = 'ActionServerUnavailableError';
  }
}
