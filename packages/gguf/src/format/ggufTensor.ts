import type { GgmlType } from './ggmlTypes.js';

/** A tensor's name, shape (ne0 first: the row length) and storage type. */
export interface GgufTensorSpec {
  readonly name: string;
  readonly dims: readonly number[];
  readonly type: GgmlType;
}

/**
 * A tensor to write. `data` is called once, when the writer reaches the tensor, so large models
 * can be generated tensor by tensor instead of held in memory whole.
 */
export interface GgufTensorSource extends GgufTensorSpec {
  data(): Uint8Array | Promise<Uint8Array>;
}

/** A tensor as described by a file's tensor table. */
export interface GgufTensorInfo extends GgufTensorSpec {
  /** Offset of the tensor's data from the start of the data section (aligned). */
  readonly offset: number;
  /** Bytes of tensor data, from the type's block layout. */
  readonly byteSize: number;
}
