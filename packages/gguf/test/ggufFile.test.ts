import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, truncate, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GgmlType,
  GgufSizeMismatchError,
  GgufValueType,
  InvalidGgufInputError,
  InvalidGgufMagicError,
  MalformedGgufError,
  TruncatedGgufError,
  UnsupportedGgufVersionError,
  encodeF32,
  encodeGgufHeader,
  encodeQ8_0,
  gguf,
  plainGgufValue,
  readGgufFile,
  writeGgufFile,
  type GgufMetadata,
  type GgufTensorSource,
} from '../src/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hearth-gguf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** One key of every value type, including nested arrays and 64-bit extremes. */
const everyType: GgufMetadata = {
  'general.architecture': gguf.str('llama'),
  'test.u8': gguf.u8(255),
  'test.i8': gguf.i8(-128),
  'test.u16': gguf.u16(65535),
  'test.i16': gguf.i16(-32768),
  'test.u32': gguf.u32(0xffffffff),
  'test.i32': gguf.i32(-0x80000000),
  'test.f32': gguf.f32(0.5),
  'test.f64': gguf.f64(Math.PI),
  'test.u64': gguf.u64(0xffffffffffffffffn),
  'test.i64': gguf.i64(-0x8000000000000000n),
  'test.bool': gguf.bool(true),
  'test.string': gguf.str('héllo ▁wörld 😊'),
  'test.strings': gguf.strings(['a', '', '▁b']),
  'test.floats': gguf.numbers(GgufValueType.Float32, [1.5, -2.25]),
  'test.i64s': gguf.bigints(GgufValueType.Int64, [1n, -2n]),
  'test.bools': gguf.bools([true, false]),
  'test.nested': gguf.arrays([gguf.numbers(GgufValueType.Uint8, [1, 2]), gguf.strings(['x'])]),
  'test.empty': gguf.numbers(GgufValueType.Int32, []),
};

function f32Tensor(name: string, dims: number[]): GgufTensorSource {
  const count = dims.reduce((a, b) => a * b, 1);
  const values = Float32Array.from({ length: count }, (_, i) => i);
  return { name, dims, type: GgmlType.F32, data: () => encodeF32(values) };
}

function q8Tensor(name: string, dims: number[]): GgufTensorSource {
  const count = dims.reduce((a, b) => a * b, 1);
  return {
    name,
    dims,
    type: GgmlType.Q8_0,
    data: () => encodeQ8_0(new Float32Array(count).fill(0.25)),
  };
}

async function writeSample(name: string, alignment?: number): Promise<string> {
  const path = join(dir, name);
  await writeGgufFile(path, {
    metadata: everyType,
    tensors: [
      f32Tensor('a.weight', [3]),
      q8Tensor('b.weight', [64, 2]),
      f32Tensor('c.weight', [2, 2, 2]),
    ],
    alignment,
  });
  return path;
}

describe('GGUF writer and reader', () => {
  it('round-trips metadata of every value type and the tensor table', async () => {
    const path = await writeSample('every-type.gguf');
    const info = await readGgufFile(path);
    expect(info.version).toBe(3);
    expect(info.alignment).toBe(32);
    expect(info.metadata).toEqual(everyType);
    expect(Object.keys(info.metadata)).toEqual(Object.keys(everyType));
    expect(plainGgufValue(info.metadata['test.nested']!)).toEqual([[1, 2], ['x']]);
    expect(info.tensors).toEqual([
      { name: 'a.weight', dims: [3], type: GgmlType.F32, offset: 0, byteSize: 12 },
      { name: 'b.weight', dims: [64, 2], type: GgmlType.Q8_0, offset: 32, byteSize: 136 },
      { name: 'c.weight', dims: [2, 2, 2], type: GgmlType.F32, offset: 192, byteSize: 32 },
    ]);
    expect(info.dataOffset % 32).toBe(0);
    expect(info.fileSize).toBe(info.dataOffset + 224);
  });

  it('writes tensor data at the offsets its table names', async () => {
    const path = await writeSample('data.gguf');
    const info = await readGgufFile(path);
    const bytes = await readFile(path);
    const at = info.dataOffset + info.tensors[2]!.offset;
    const view = new DataView(bytes.buffer, bytes.byteOffset + at, 32);
    expect(Array.from({ length: 8 }, (_, i) => view.getFloat32(i * 4, true))).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7,
    ]);
  });

  it('starts with the GGUF magic, version 3 and the counts, little-endian', () => {
    const { header } = encodeGgufHeader({ metadata: { k: gguf.u8(7) }, tensors: [] });
    const view = new DataView(header.buffer, header.byteOffset);
    expect(new TextDecoder().decode(header.subarray(0, 4))).toBe('GGUF');
    expect(view.getUint32(4, true)).toBe(3);
    expect(view.getBigUint64(8, true)).toBe(0n); // tensors
    expect(view.getBigUint64(16, true)).toBe(1n); // metadata entries
    expect(view.getBigUint64(24, true)).toBe(1n); // key length
    expect(header[32]).toBe(0x6b); // 'k'
    expect(view.getUint32(33, true)).toBe(GgufValueType.Uint8);
    expect(header[37]).toBe(7);
  });

  it('honours a custom alignment and records it as general.alignment', async () => {
    const path = await writeSample('aligned.gguf', 64);
    const info = await readGgufFile(path);
    expect(info.alignment).toBe(64);
    expect(info.metadata['general.alignment']).toEqual(gguf.u32(64));
    expect(info.dataOffset % 64).toBe(0);
    expect(info.tensors.map((t) => t.offset)).toEqual([0, 64, 256]);
  });

  it('reads a header larger than its first read (a big vocabulary)', async () => {
    const path = join(dir, 'big-header.gguf');
    const tokens = Array.from({ length: 150_000 }, (_, i) => `▁token${i}`);
    await writeGgufFile(path, {
      metadata: { 'tokenizer.ggml.tokens': gguf.strings(tokens) },
      tensors: [f32Tensor('t', [4])],
    });
    const info = await readGgufFile(path);
    expect(info.metadata['tokenizer.ggml.tokens']?.value).toHaveLength(150_000);
    expect(info.tensors[0]?.name).toBe('t');
  });

  it('rejects input it cannot store, naming the problem', async () => {
    const bad = (tensors: GgufTensorSource[], metadata: GgufMetadata = {}) =>
      writeGgufFile(join(dir, 'bad.gguf'), { metadata, tensors });
    await expect(bad([q8Tensor('q', [48])])).rejects.toThrow(
      /48 is not a multiple of Q8_0's block size 32/,
    );
    await expect(bad([f32Tensor('x', [2]), f32Tensor('x', [2])])).rejects.toThrow(/used twice/);
    await expect(bad([{ ...f32Tensor('x', [4]), data: () => new Uint8Array(3) }])).rejects.toThrow(
      /3 bytes .* need 16/,
    );
    await expect(bad([], { k: gguf.u8(256) })).rejects.toThrow(InvalidGgufInputError);
    await expect(bad([], { k: gguf.u32(1.5) })).rejects.toThrow(InvalidGgufInputError);
    await expect(bad([], { 'general.alignment': gguf.u32(48) })).rejects.toThrow(/power of two/);
  });
});

describe('GGUF reader errors', () => {
  it('names the file and the fix for a file that is not GGUF', async () => {
    const path = join(dir, 'page.gguf');
    await writeFile(path, '<!DOCTYPE html><html>Not found</html>');
    const error = await readGgufFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidGgufMagicError);
    expect(error).toMatchObject({ file: path, expected: 'GGUF', actual: '<!DO' });
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toContain('hearth models pull');
  });

  it('rejects an unsupported version', async () => {
    const path = await writeSample('v9.gguf');
    const bytes = await readFile(path);
    bytes.writeUInt32LE(9, 4);
    await writeFile(path, bytes);
    await expect(readGgufFile(path)).rejects.toThrow(UnsupportedGgufVersionError);
    bytes.writeUInt32BE(3, 4); // what a big-endian file looks like
    await writeFile(path, bytes);
    await expect(readGgufFile(path)).rejects.toThrow(/big-endian/);
  });

  it('reports a file cut inside its header as truncated', async () => {
    const path = await writeSample('cut-header.gguf');
    await truncate(path, 100);
    const error = await readGgufFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TruncatedGgufError);
    expect(error).toMatchObject({ file: path, actualBytes: 100 });
    expect((error as TruncatedGgufError).expectedBytes).toBeGreaterThan(100);
  });

  it('reports a file cut inside its tensor data as truncated, with the size it needs', async () => {
    const path = await writeSample('cut-data.gguf');
    const full = (await readGgufFile(path)).fileSize;
    await truncate(path, full - 1);
    const error = await readGgufFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TruncatedGgufError);
    expect(error).toMatchObject({ expectedBytes: full, actualBytes: full - 1 });
    expect((error as Error).message).toMatch(/needs at least \d+ bytes but has \d+/);
  });

  it('rejects trailing bytes beyond the tensor table', async () => {
    const path = await writeSample('long.gguf');
    await appendFile(path, new Uint8Array(64));
    await expect(readGgufFile(path)).rejects.toThrow(GgufSizeMismatchError);
  });

  it('rejects an unknown metadata value type as malformed', async () => {
    const path = join(dir, 'bad-type.gguf');
    await writeGgufFile(path, { metadata: { k: gguf.u8(1) }, tensors: [] });
    const bytes = await readFile(path);
    bytes.writeUInt32LE(99, 33); // the value type after the one-byte key 'k'
    await writeFile(path, bytes);
    await expect(readGgufFile(path)).rejects.toThrow(MalformedGgufError);
    await expect(readGgufFile(path)).rejects.toThrow(/unknown value type 99/);
  });

  it('rejects an impossible count without trying to allocate it', async () => {
    const path = join(dir, 'huge-count.gguf');
    await writeGgufFile(path, { metadata: { k: gguf.strings(['a']) }, tensors: [] });
    const bytes = await readFile(path);
    bytes.writeBigUInt64LE(1n << 40n, 41); // the array length, after its type tags
    await writeFile(path, bytes);
    await expect(readGgufFile(path)).rejects.toThrow(TruncatedGgufError);
  });
});
