/** How to get a model, appended to every model file error so the fix is always in the message. */
export const modelHelp =
  "For a tiny test model run `hearth models make-test --out FILE` and set the llm node's " +
  'model_path parameter (or `--model FILE`) to it; a real supportive model will come from ' +
  'Hearth\'s model registry (models/). Set model_path to "none" to use the built-in fallback replies.';
