/** How to get a good model file; every error about a bad file ends with it. */
export const GOOD_MODEL_HINT =
  're-download it with `hearth models pull NAME` (NAME from `hearth models list`), ' +
  'or write a test model with `hearth models make-test`';
