/**
 * Literal values in interface files: constants (`uint8 FOO=1`) and defaults (`int32 x 5`,
 * `string s "hi"`, `int32[] a [1, 2]`). Each parser returns the value or throws a
 * ValueSyntaxError with the reason; the caller adds the file and line.
 */
import { FLOAT32_MAX, INTEGER_TYPES, isFloat, isInteger, isString } from './primitives.mjs';

export class ValueSyntaxError extends Error {
  constructor(reason) {
    super(reason);
    this.name = 'ValueSyntaxError';
  }
}

const ESCAPES = Object.freeze({ n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" });

/** Removes the quotes of a quoted string literal and resolves its escapes. */
function unquote(text) {
  const quote = text[0];
  if (text.length < 2 || text[text.length - 1] !== quote) {
    throw new ValueSyntaxError(`unterminated string ${text}: close it with ${quote}`);
  }
  let out = '';
  for (let i = 1; i < text.length - 1; i++) {
    const c = text[i];
    if (c === '\\') {
      const next = text[i + 1];
      if (i + 1 >= text.length - 1 || !Object.hasOwn(ESCAPES, next)) {
        throw new ValueSyntaxError(
          `unknown escape in ${text}: use \\n, \\t, \\r, \\\\, \\" or \\'`,
        );
      }
      out += ESCAPES[next];
      i++;
    } else if (c === quote) {
      throw new ValueSyntaxError(`unescaped ${quote} inside ${text}: write \\${quote}`);
    } else {
      out += c;
    }
  }
  return out;
}

function parseInteger(type, text) {
  const match = /^([+-]?)(0[xX][0-9a-fA-F]+|\d+)$/.exec(text);
  if (match === null) throw new ValueSyntaxError(`expected an integer for ${type}, got ${text}`);
  const magnitude = BigInt(match[2]);
  const value = match[1] === '-' ? -magnitude : magnitude;
  const [min, max] = INTEGER_TYPES[type];
  if (value < min || value > max) {
    throw new ValueSyntaxError(`${text} is out of range for ${type} (${min} to ${max})`);
  }
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new ValueSyntaxError(
      `${text} is beyond JavaScript's safe integer range: Hearth carries ${type} as a number`,
    );
  }
  return Number(value);
}

function parseFloatValue(type, text) {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
    throw new ValueSyntaxError(`expected a number for ${type}, got ${text}`);
  }
  const value = Number(text);
  if (type === 'float32' && Math.abs(value) > FLOAT32_MAX) {
    throw new ValueSyntaxError(`${text} is out of range for float32`);
  }
  return value;
}

function parseBool(text) {
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === '1') return true;
  if (lower === 'false' || lower === '0') return false;
  throw new ValueSyntaxError(`expected true or false for bool, got ${text}`);
}

function parseStringValue(type, text, bound) {
  const value = text.startsWith('"') || text.startsWith("'") ? unquote(text) : text;
  if (bound !== null && [...value].length > bound) {
    throw new ValueSyntaxError(`${text} is longer than the bound of ${type}<=${bound}`);
  }
  return value;
}

/**
 * One value of a primitive type.
 * @param {string} type a primitive type name
 * @param {string} text the literal, trimmed
 * @param {number | null} stringBound N of string<=N
 * @returns {number | string | boolean}
 */
export function parseScalar(type, text, stringBound = null) {
  if (isString(type)) return parseStringValue(type, text, stringBound);
  if (text === '') throw new ValueSyntaxError(`missing value for ${type}`);
  if (type === 'bool') return parseBool(text);
  if (isInteger(type)) return parseInteger(type, text);
  if (isFloat(type)) return parseFloatValue(type, text);
  throw new ValueSyntaxError(`${type} has no literal values`);
}

/** Splits `[a, "b,c", 'd']` into its element literals, honouring quotes. */
function splitArrayLiteral(text) {
  if (!text.startsWith('[') || !text.endsWith(']')) {
    throw new ValueSyntaxError(`expected an array literal like [1, 2, 3], got ${text}`);
  }
  const body = text.slice(1, -1);
  if (body.trim() === '') return [];
  const elements = [];
  let current = '';
  let quote = null;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quote !== null) {
      current += c;
      if (c === '\\' && i + 1 < body.length) current += body[++i];
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
      current += c;
    } else if (c === ',') {
      elements.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  if (quote !== null) throw new ValueSyntaxError(`unterminated string in ${text}`);
  elements.push(current.trim());
  if (elements.some((element) => element === '')) {
    throw new ValueSyntaxError(`empty element in ${text}`);
  }
  return elements;
}

/**
 * A field's default value.
 * @param {import('./parse.mjs').TypeRef} type the field's (primitive) type
 * @param {string} text the literal, trimmed
 */
export function parseDefault(type, text) {
  if (type.array === 'none') return parseScalar(type.name, text, type.stringBound);
  const values = splitArrayLiteral(text).map((element) =>
    parseScalar(type.name, element, type.stringBound),
  );
  if (type.array === 'fixed' && values.length !== type.arraySize) {
    throw new ValueSyntaxError(
      `a ${type.name}[${type.arraySize}] default needs exactly ${type.arraySize} values, got ${values.length}`,
    );
  }
  if (type.array === 'bounded' && values.length > type.arraySize) {
    throw new ValueSyntaxError(
      `a ${type.name}[<=${type.arraySize}] default holds at most ${type.arraySize} values, got ${values.length}`,
    );
  }
  return values;
}
