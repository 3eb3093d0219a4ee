const bases = new Map<string, Float64Array[]>();

/** The orthonormal DCT-II basis rows, computed once per size (no Math.cos per frame). */
function basis(n: number, count: number): Float64Array[] {
  const key = `${n}x${count}`;
  let rows = bases.get(key);
  if (rows === undefined) {
    rows = Array.from({ length: count }, (_, k) =>
      Float64Array.from(
        { length: n },
        (_, i) =>
          Math.cos((Math.PI * k * (2 * i + 1)) / (2 * n)) * Math.sqrt((k === 0 ? 1 : 2) / n),
      ),
    );
    bases.set(key, rows);
  }
  return rows;
}

/** The first `count` coefficients of the orthonormal DCT-II of `input` (what MFCCs use). */
export function dct2(input: Float64Array, count: number): Float64Array {
  const rows = basis(input.length, count);
  const output = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const row = rows[k] as Float64Array;
    let sum = 0;
    for (let i = 0; i < input.length; i++) sum += (input[i] as number) * (row[i] as number);
    output[k] = sum;
  }
  return output;
}
