/** How to get a model, appended to every model file error so the fix is always in the message. */
export const modelHelp =
  'To install a supportive model run `hearth models pull NAME` (`hearth models list` shows the ' +
  "names) and set the llm node's model_path parameter (or `--model FILE`) to the file it " +
  'prints; for a tiny test model run `hearth models make-test --out FILE`. Set model_path to ' +
  '"none" to use the built-in fallback replies.';
