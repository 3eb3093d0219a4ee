/**
 * Thrown when a read runs past the bytes loaded so far. Internal: the file reader catches it and
 * either loads more of the file or reports the file as truncated.
 */
export class OutOfDataError extends Error {
  constructor(readonly neededBytes: number) {
    super(`needed ${neededBytes} bytes`);
    this.name = 'OutOfDataError';
  }
}

/** Sequential little-endian reads over a prefix of a file, tracking the absolute position. */
export class ByteReader {
  private readonly view: DataView;
  private position = 0;
  private static readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get offset(): number {
    return this.position;
  }

  u8(): number {
    return this.view.getUint8(this.advance(1));
  }
  i8(): number {
    return this.view.getInt8(this.advance(1));
  }
  u16(): number {
    return this.view.getUint16(this.advance(2), true);
  }
  i16(): number {
    return this.view.getInt16(this.advance(2), true);
  }
  u32(): number {
    return this.view.getUint32(this.advance(4), true);
  }
  i32(): number {
    return this.view.getInt32(this.advance(4), true);
  }
  f32(): number {
    return this.view.getFloat32(this.advance(4), true);
  }
  f64(): number {
    return this.view.getFloat64(this.advance(8), true);
  }
  u64(): bigint {
    return this.view.getBigUint64(this.advance(8), true);
  }
  i64(): bigint {
    return this.view.getBigInt64(this.advance(8), true);
  }
  bool(): boolean {
    return this.u8() !== 0;
  }

  /** A uint64 that must fit a JS number (counts, lengths, offsets); undefined when it does not. */
  safeU64(): number | undefined {
    const value = this.u64();
    return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : undefined;
  }

  /** UTF-8 bytes of a known length; throws TypeError on invalid UTF-8. */
  utf8(length: number): string {
    const start = this.advance(length);
    return ByteReader.decoder.decode(this.bytes.subarray(start, start + length));
  }

  /** Fails early when `count` items of at least `minItemBytes` each cannot fit in what is left. */
  requireAtLeast(count: number, minItemBytes: number): void {
    const needed = this.position + count * minItemBytes;
    if (needed > this.bytes.length) throw new OutOfDataError(needed);
  }

  private advance(count: number): number {
    const start = this.position;
    const end = start + count;
    if (end > this.bytes.length) throw new OutOfDataError(end);
    this.position = end;
    return start;
  }
}
