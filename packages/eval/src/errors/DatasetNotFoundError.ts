import { DatasetError } from './DatasetError.js';

/** The dataset file does not exist or cannot be opened. */
export class DatasetNotFoundError extends DatasetError {
  constructor(file: string, reason: string) {
    super(
      file,
      undefined,
      `cannot read the dataset (${reason}).`,
      'Pass --data with the path to an ESConv *_short.tsv, an ESConv JSON or an ExTES JSON file (the datasets are not shipped with Hearth; see ../shared/datasets/README.md).',
    );
    this.name = 'DatasetNotFoundError';
  }
}
