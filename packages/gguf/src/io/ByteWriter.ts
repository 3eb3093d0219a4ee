/** A growable little-endian byte buffer for building a GGUF header in memory. */
export class ByteWriter {
  private bytes = new Uint8Array(4096);
  private view = new DataView(this.bytes.buffer);
  private length = 0;
  private static readonly encoder = new TextEncoder();

  get size(): number {
    return this.length;
  }

  u8(value: number): void {
    this.reserve(1).setUint8(this.length - 1, value);
  }
  i8(value: number): void {
    this.reserve(1).setInt8(this.length - 1, value);
  }
  u16(value: number): void {
    this.reserve(2).setUint16(this.length - 2, value, true);
  }
  i16(value: number): void {
    this.reserve(2).setInt16(this.length - 2, value, true);
  }
  u32(value: number): void {
    this.reserve(4).setUint32(this.length - 4, value, true);
  }
  i32(value: number): void {
    this.reserve(4).setInt32(this.length - 4, value, true);
  }
  f32(value: number): void {
    this.reserve(4).setFloat32(this.length - 4, value, true);
  }
  f64(value: number): void {
    this.reserve(8).setFloat64(this.length - 8, value, true);
  }
  u64(value: bigint | number): void {
    this.reserve(8).setBigUint64(this.length - 8, BigInt(value), true);
  }
  i64(value: bigint | number): void {
    this.reserve(8).setBigInt64(this.length - 8, BigInt(value), true);
  }
  bool(value: boolean): void {
    this.u8(value ? 1 : 0);
  }

  /** A GGUF string: uint64 byte length, then UTF-8 bytes without a terminator. */
  string(value: string): void {
    const encoded = ByteWriter.encoder.encode(value);
    this.u64(encoded.length);
    this.raw(encoded);
  }

  raw(data: Uint8Array): void {
    this.reserve(data.length);
    this.bytes.set(data, this.length - data.length);
  }

  /** Zero bytes up to the next multiple of `alignment`. */
  padTo(alignment: number): void {
    const padding = (alignment - (this.length % alignment)) % alignment;
    this.reserve(padding);
  }

  toBytes(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }

  /** Grows the buffer for `count` more bytes and advances the length; returns the view to write. */
  private reserve(count: number): DataView {
    const needed = this.length + count;
    if (needed > this.bytes.length) {
      let capacity = this.bytes.length * 2;
      while (capacity < needed) capacity *= 2;
      const grown = new Uint8Array(capacity);
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
      this.view = new DataView(grown.buffer);
    }
    this.length = needed;
    return this.view;
  }
}
