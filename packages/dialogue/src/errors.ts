/** The machine was started without an implementation for one of its actors. */
export class ActorNotProvidedError extends Error {
  constructor(readonly actor: string) {
    super(
      `The dialogue machine's "${actor}" actor has no implementation: provide one with ` +
        `dialogueMachine.provide({ actors: { ${actor}: ... } }) (the DialogueNode does this for you).`,
    );
    this.name = 'ActorNotProvidedError';
  }
}

/** The llm node refused or aborted a generate goal. */
export class GenerateFailedError extends Error {
  constructor(readonly reason: string) {
    super(
      `Reply generation failed (${reason}): check that the llm node is running and its model loaded.`,
    );
    this.name = 'GenerateFailedError';
  }
}

/** The tts node refused or aborted a say goal. */
export class SayFailedError extends Error {
  constructor(
    readonly utteranceId: string,
    readonly reason: string,
  ) {
    super(
      `Speaking utterance ${utteranceId} failed (${reason}): check that the tts node is running.`,
    );
    this.name = 'SayFailedError';
  }
}

/** A dialogue parameter has a value the robot must not run with (an empty AI notice, a bad time). */
export class InvalidDialogueParameterError extends Error {
  constructor(
    readonly parameter: string,
    readonly reason: string,
  ) {
    super(`Dialogue parameter ${parameter} refused: ${reason}`);
    this.name = 'InvalidDialogueParameterError';
  }
}
