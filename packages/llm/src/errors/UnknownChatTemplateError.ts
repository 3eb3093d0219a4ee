/** The `chat_template` parameter names a family Hearth does not know. */
export class UnknownChatTemplateError extends Error {
  constructor(
    readonly family: string,
    readonly known: readonly string[],
  ) {
    super(
      `Unknown chat template family "${family}". Set the llm parameter chat_template to one of: ` +
        `${known.join(', ')} (or leave it empty to use the template stored in the model file).`,
    );
    this.name = 'UnknownChatTemplateError';
  }
}
