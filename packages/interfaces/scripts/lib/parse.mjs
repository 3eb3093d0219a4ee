/**
 * Parses ROS 2 interface files (.msg, .srv, .action) into sections of fields and constants,
 * following the rules of ROS 2's rosidl_adapter that matter for Hearth. Nested types are left
 * unresolved here (see model.mjs); every error names file:line and the fix.
 */
import { InterfaceDefinitionError } from './errors.mjs';
import { isPrimitive, ROS1_HINTS } from './primitives.mjs';
import { parseDefault, parseScalar, ValueSyntaxError } from './values.mjs';

/**
 * @typedef {object} TypeRef
 * @property {string} name a primitive name, or the nested type's name (`Time`)
 * @property {string | null} package the nested type's package as written (`builtin_interfaces`), or null
 * @property {boolean} primitive
 * @property {number | null} stringBound N of string<=N
 * @property {'none' | 'unbounded' | 'bounded' | 'fixed'} array
 * @property {number | null} arraySize N of T[N] or T[<=N]
 *
 * @typedef {object} Field
 * @property {string} name
 * @property {TypeRef} type
 * @property {unknown} defaultValue the parsed default, or undefined
 * @property {string[]} doc
 * @property {number} line
 *
 * @typedef {object} Constant
 * @property {string} name
 * @property {string} type a primitive name
 * @property {number | string | boolean} value
 * @property {string[]} doc
 * @property {number} line
 *
 * @typedef {object} RosTypeDirective
 * @property {string} name the foreign type, e.g. hri_msgs/msg/LiveSpeech
 * @property {string} package its package, e.g. hri_msgs
 * @property {number} line
 *
 * @typedef {object} Section
 * @property {string[]} doc the section's own comment
 * @property {Field[]} fields
 * @property {Constant[]} constants
 * @property {RosTypeDirective | null} rosType the file's `# @ros-type` directive (first section
 *   of a .msg file only)
 */

/** How many `---`-separated sections each kind of file has. */
export const SECTION_COUNTS = Object.freeze({ msg: 1, srv: 2, action: 3 });
const SECTION_NAMES = Object.freeze({
  msg: ['message'],
  srv: ['request', 'response'],
  action: ['goal', 'result', 'feedback'],
});

const FIELD_NAME = /^[a-z][a-z0-9_]*$/;
const CONSTANT_NAME = /^[A-Z][A-Z0-9_]*$/;
const TYPE_NAME = /^[A-Z][A-Za-z0-9]*$/;
const PACKAGE_NAME = /^[a-z][a-z0-9_]*$/;

/** `# @ros-type pkg/msg/Type`: the message is, field for field, that type of another package. */
const DIRECTIVE = /^@ros-type(?:\s+(.*))?$/;
/** Near misses of the directive (`@ros_type`, `@rostype`, `@ROS-TYPE`), refused with the spelling. */
const DIRECTIVE_LOOKALIKE = /^@ros[-_ ]?type\b/i;

/** ROS 2 forbids `__` and a trailing `_` in field, constant and package names. */
function hasBadUnderscores(name) {
  return name.includes('__') || name.endsWith('_');
}

/** Splits a line at its first `#` outside quotes: `string s "a#b" # note` keeps "a#b". */
export function splitComment(raw) {
  let quote = null;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#') {
      return { code: raw.slice(0, i), comment: raw.slice(i + 1).trim() };
    }
  }
  return { code: raw, comment: null };
}

/**
 * Parses a type as written in a field: `uint8`, `string<=10`, `Foo`, `pkg/Foo`, each optionally
 * followed by `[]`, `[N]` or `[<=N]`. Throws ValueSyntaxError with the reason.
 * @returns {TypeRef}
 */
export function parseTypeToken(token) {
  const arrayMatch = /^(.*?)\[(<=)?(\d*)\]$/.exec(token);
  let base = token;
  let array = 'none';
  let arraySize = null;
  if (arrayMatch !== null) {
    base = arrayMatch[1];
    const bounded = arrayMatch[2] !== undefined;
    const digits = arrayMatch[3];
    if (digits === '') {
      if (bounded)
        throw new ValueSyntaxError(`${token}: a bounded array needs its bound, e.g. ${base}[<=10]`);
      array = 'unbounded';
    } else {
      arraySize = Number(digits);
      if (arraySize === 0)
        throw new ValueSyntaxError(`${token}: an array bound must be at least 1`);
      array = bounded ? 'bounded' : 'fixed';
    }
  } else if (token.includes('[') || token.includes(']')) {
    throw new ValueSyntaxError(`${token}: malformed array type; write T[], T[N] or T[<=N]`);
  }

  const stringMatch = /^(string|wstring)<=(\d+)$/.exec(base);
  if (stringMatch !== null) {
    const bound = Number(stringMatch[2]);
    if (bound === 0) throw new ValueSyntaxError(`${token}: a string bound must be at least 1`);
    return {
      name: stringMatch[1],
      package: null,
      primitive: true,
      stringBound: bound,
      array,
      arraySize,
    };
  }
  if (base.includes('<=')) {
    throw new ValueSyntaxError(`${token}: only string and wstring take a bound (string<=N)`);
  }
  if (isPrimitive(base)) {
    return { name: base, package: null, primitive: true, stringBound: null, array, arraySize };
  }
  if (Object.hasOwn(ROS1_HINTS, base)) {
    throw new ValueSyntaxError(`unknown type '${base}' (a ROS 1 name): use ${ROS1_HINTS[base]}`);
  }
  const parts = base.split('/');
  if (parts.length === 3 && parts[1] === 'msg') {
    throw new ValueSyntaxError(
      `${base}: in interface files write ${parts[0]}/${parts[2]} (no /msg/)`,
    );
  }
  if (parts.length > 2)
    throw new ValueSyntaxError(`unknown type '${base}': write Type or package/Type`);
  const [pkg, name] = parts.length === 2 ? parts : [null, parts[0]];
  if (pkg !== null && (!PACKAGE_NAME.test(pkg) || hasBadUnderscores(pkg))) {
    throw new ValueSyntaxError(`invalid package name '${pkg}' in ${base}: use lower snake_case`);
  }
  if (!TYPE_NAME.test(name)) {
    throw new ValueSyntaxError(
      `unknown type '${base}': not a primitive (bool, byte, char, int8..int64, uint8..uint64, float32, float64, string, wstring) nor a message name (CamelCase)`,
    );
  }
  return { name, package: pkg, primitive: false, stringBound: null, array, arraySize };
}

/**
 * Parses one section's lines.
 * @param {{ text: string, number: number }[]} lines
 * @param {string} file for errors
 * @param {boolean} leadingCommentIsDoc whether a comment block at the top documents the section
 *   even when a field follows it directly (true for a file's first section, where ROS puts the
 *   type's description)
 * @returns {Section}
 */
function parseSection(lines, file, leadingCommentIsDoc) {
  /** @type {Section} */
  const section = { doc: [], fields: [], constants: [], rosType: null };
  const names = new Map();
  let pending = [];
  let seenContent = false;
  let leading = true;

  const fail = (line, reason) => {
    throw new InterfaceDefinitionError(file, line, reason);
  };
  const claimName = (name, line) => {
    if (names.has(name))
      fail(line, `'${name}' is already defined on line ${names.get(name)}; rename one`);
    names.set(name, line);
  };

  for (const { text, number } of lines) {
    const { code: rawCode, comment } = splitComment(text);
    const code = rawCode.trim();
    // The @ros-type directive is read by readRosTypeDirective; it is not documentation.
    if (code === '' && comment !== null && DIRECTIVE_LOOKALIKE.test(comment)) continue;
    if (code === '') {
      if (comment !== null) {
        pending.push(comment);
      } else {
        // A blank line ends a comment block: one at the top documents the section, others float.
        if (leading && pending.length > 0) section.doc.push(...pending);
        if (pending.length > 0) leading = false;
        pending = [];
      }
      continue;
    }
    if (leading && leadingCommentIsDoc && !seenContent) {
      section.doc.push(...pending);
      pending = [];
    }
    leading = false;
    seenContent = true;
    const doc = comment === null ? pending : [...pending, comment];
    pending = [];

    const declaration = /^(\S+)\s+(.+)$/.exec(code);
    if (declaration === null) fail(number, `expected '<type> <name>', got '${code}'`);
    const [, typeToken, rest] = declaration;
    let type;
    try {
      type = parseTypeToken(typeToken);
    } catch (error) {
      if (error instanceof ValueSyntaxError) fail(number, error.message);
      throw error;
    }

    const constant = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(rest);
    if (constant !== null) {
      const [, name, valueText] = constant;
      if (!CONSTANT_NAME.test(name) || hasBadUnderscores(name)) {
        fail(
          number,
          `invalid constant name '${name}': constants are UPPER_SNAKE_CASE (A-Z, 0-9, _)`,
        );
      }
      if (!type.primitive || type.array !== 'none') {
        fail(number, `constant ${name} must have a primitive, non-array type, not ${typeToken}`);
      }
      claimName(name, number);
      let value;
      try {
        value = parseScalar(type.name, valueText.trim(), type.stringBound);
      } catch (error) {
        if (error instanceof ValueSyntaxError) fail(number, `constant ${name}: ${error.message}`);
        throw error;
      }
      section.constants.push({ name, type: type.name, value, doc, line: number });
      continue;
    }

    const field = /^(\S+)(?:\s+(.*))?$/.exec(rest);
    const [, name, defaultText] = field;
    if (!FIELD_NAME.test(name) || hasBadUnderscores(name)) {
      fail(
        number,
        `invalid field name '${name}': fields are lower snake_case (a-z, 0-9, _), start with a letter and have no double or trailing underscore`,
      );
    }
    claimName(name, number);
    let defaultValue;
    if (defaultText !== undefined && defaultText.trim() !== '') {
      if (!type.primitive) {
        fail(number, `field ${name}: only primitive fields take a default value, not ${typeToken}`);
      }
      try {
        defaultValue = parseDefault(type, defaultText.trim());
      } catch (error) {
        if (error instanceof ValueSyntaxError) fail(number, `default of ${name}: ${error.message}`);
        throw error;
      }
    }
    section.fields.push({ name, type, defaultValue, doc, line: number });
  }
  if (leading) section.doc.push(...pending);
  return section;
}

/**
 * Parses an interface file.
 * @param {string} text the file's content
 * @param {string} file its path, for errors
 * @param {'msg' | 'srv' | 'action'} kind
 * @returns {Section[]} one per section: [message], [request, response] or [goal, result, feedback]
 */
export function parseInterface(text, file, kind) {
  const groups = [[]];
  const separators = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const number = index + 1;
    if (raw.trim() === '---') {
      separators.push(number);
      groups.push([]);
    } else {
      groups[groups.length - 1].push({ text: raw, number });
    }
  });
  const expected = SECTION_COUNTS[kind];
  if (groups.length !== expected) {
    const where = separators[expected - 1] ?? null;
    const names = SECTION_NAMES[kind].join(', ');
    throw new InterfaceDefinitionError(
      file,
      groups.length > expected ? where : null,
      `a .${kind} file has ${expected} section(s) (${names}) separated by ${expected - 1} '---' line(s); found ${separators.length}`,
    );
  }
  const sections = groups.map((lines, index) => parseSection(lines, file, index === 0));
  sections[0].rosType = readRosTypeDirective(groups, file, kind);
  return sections;
}

/**
 * Reads the `# @ros-type <package>/msg/<Type>` directive: allowed once, in a .msg file's leading
 * comments (before its first field or constant). Throws InterfaceDefinitionError naming the fix
 * for a misplaced, repeated or malformed one.
 * @param {{ text: string, number: number }[][]} groups the file's lines, by section
 * @returns {RosTypeDirective | null}
 */
function readRosTypeDirective(groups, file, kind) {
  const example = '# @ros-type hri_msgs/msg/LiveSpeech';
  /** @type {RosTypeDirective | null} */
  let found = null;
  let seenContent = false;
  for (const [index, lines] of groups.entries()) {
    for (const { text, number } of lines) {
      const { code, comment } = splitComment(text);
      const fail = (reason) => {
        throw new InterfaceDefinitionError(file, number, reason);
      };
      const isDirective = comment !== null && DIRECTIVE_LOOKALIKE.test(comment);
      if (!isDirective) {
        if (code.trim() !== '') seenContent = true;
        continue;
      }
      const match = DIRECTIVE.exec(comment);
      if (match === null) fail(`misspelt directive '${comment}': write ${example}`);
      if (kind !== 'msg') {
        fail(
          `@ros-type maps a message; a .${kind} file cannot carry it (map its messages instead)`,
        );
      }
      if (code.trim() !== '' || seenContent || index > 0) {
        fail(
          '@ros-type belongs in the leading comments, above the first field: move it to the top',
        );
      }
      if (found !== null) {
        fail(`@ros-type is already given on line ${found.line}; keep one`);
      }
      const target = (match[1] ?? '').trim();
      if (target === '') fail(`@ros-type needs the foreign type: write ${example}`);
      const parts = target.split('/');
      if (parts.length === 2) {
        fail(`@ros-type ${target}: write the full name ${parts[0]}/msg/${parts[1]}`);
      }
      if (parts.length !== 3 || parts.some((part) => part === '')) {
        fail(`@ros-type ${target}: expected <package>/msg/<Type>, e.g. ${example}`);
      }
      const [pkg, middle, name] = parts;
      if (middle !== 'msg') {
        fail(`@ros-type ${target}: only messages map (<package>/msg/<Type>), not '${middle}'`);
      }
      if (!PACKAGE_NAME.test(pkg) || hasBadUnderscores(pkg)) {
        fail(
          `@ros-type ${target}: '${pkg}' is not a ROS package name (lower snake_case, e.g. hri_msgs)`,
        );
      }
      if (!TYPE_NAME.test(name)) {
        fail(`@ros-type ${target}: '${name}' is not a message name (CamelCase, e.g. LiveSpeech)`);
      }
      found = { name: target, package: pkg, line: number };
    }
  }
  return found;
}
