/**
 * Writes the TypeScript for an InterfaceModel: one module per dependency package, one each for
 * the package's messages, actions and services, a registry and a barrel. Output is
 * deterministic (sorted, no timestamps) and laid out as prettier would lay it out.
 */
import { compareStrings } from './model.mjs';
import { primitiveTsType } from './primitives.mjs';

const PRINT_WIDTH = 100;
const HEADER = [
  '// generated, do not edit: written by packages/interfaces/scripts/generate.mjs from the',
  '// .msg, .action and .srv files of hearth_interfaces. Change those and run `pnpm gen:interfaces`.',
  '',
];

/** A string literal in prettier's style: single quotes unless double quotes escape less. */
export function tsString(value) {
  const singles = (value.match(/'/g) ?? []).length;
  const doubles = (value.match(/"/g) ?? []).length;
  const quote = doubles < singles ? '"' : "'";
  let out = '';
  for (const c of value) {
    const code = c.codePointAt(0);
    if (c === '\\') out += '\\\\';
    else if (c === quote) out += `\\${quote}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x2028 || code === 0x2029 || code === 0x7f) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += c;
  }
  return `${quote}${out}${quote}`;
}

/** A JavaScript literal for a constant or default value. */
function literal(value) {
  if (typeof value === 'string') return tsString(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  return String(value);
}

/** A JSDoc block (or nothing) at `indent`; `*\/` in a comment cannot end the block. */
function docBlock(lines, indent) {
  const safe = lines.map((line) => line.replaceAll('*/', '*\\/'));
  if (safe.length === 0) return [];
  if (safe.length === 1 && indent.length + safe[0].length + 7 <= PRINT_WIDTH) {
    return [`${indent}/** ${safe[0]} */`];
  }
  return [
    `${indent}/**`,
    ...safe.map((line) => (line === '' ? `${indent} *` : `${indent} * ${line}`)),
    `${indent} */`,
  ];
}

/** A call statement, broken one argument per line when it does not fit (as prettier does). */
function callStatement(indent, callee, args) {
  const line = `${indent}${callee}(${args.join(', ')});`;
  if (line.length <= PRINT_WIDTH) return [line];
  return [`${indent}${callee}(`, ...args.map((arg) => `${indent}  ${arg},`), `${indent});`];
}

/** Collects a module's imports; printed sorted, types marked `type`. */
class Imports {
  /** @param {string} runtimeImport where `../x.js` (the package's hand-written modules) lives */
  constructor(runtimeImport) {
    this.modules = new Map();
    this.runtimeImport = runtimeImport;
  }

  add(rawModule, name, typeOnly = false) {
    const module = rawModule.startsWith('../')
      ? `${this.runtimeImport}/${rawModule.slice(3)}`
      : rawModule;
    const names = this.modules.get(module) ?? new Map();
    names.set(name, (names.get(name) ?? true) && typeOnly);
    this.modules.set(module, names);
  }

  print() {
    const lines = [];
    for (const module of [...this.modules.keys()].sort(compareStrings)) {
      const entries = [...this.modules.get(module).entries()].sort(([a], [b]) =>
        compareStrings(a, b),
      );
      const allTypes = entries.every(([, typeOnly]) => typeOnly);
      const names = entries.map(([name, typeOnly]) =>
        typeOnly && !allTypes ? `type ${name}` : name,
      );
      const keyword = allTypes ? 'import type' : 'import';
      const single = `${keyword} { ${names.join(', ')} } from '${module}';`;
      if (single.length <= PRINT_WIDTH) lines.push(single);
      else lines.push(`${keyword} {`, ...names.map((name) => `  ${name},`), `} from '${module}';`);
    }
    return lines;
  }
}

/** The import path, between generated files, of the generated module `module`. */
function importPath(module) {
  return `./${module}.js`;
}

/** Registers what `field`'s type needs imported into `fromModule`. */
function useFieldType(imports, field, fromModule) {
  const nested = field.nested;
  if (nested === null) return;
  if (nested.runtimeName !== null) imports.add('../runtime.js', nested.runtimeName, true);
  else if (nested.module !== fromModule)
    imports.add(importPath(nested.module), nested.tsName, true);
  if (nested.module !== fromModule) imports.add(importPath(nested.module), nested.constName);
}

function tsType(field) {
  const element = field.nested === null ? primitiveTsType(field.type.name) : field.nested.tsName;
  return field.type.array === 'none' ? element : `${element}[]`;
}

/** How the definition writes a field's type, resolved: `string<=10[<=3]`, `builtin_interfaces/Time[]`. */
function shapeOf(field) {
  const base =
    field.nested === null
      ? `${field.type.name}${field.type.stringBound === null ? '' : `<=${field.type.stringBound}`}`
      : field.nested.typeName.replace('/msg/', '/');
  if (field.type.array === 'none') return base;
  if (field.type.array === 'unbounded') return `${base}[]`;
  if (field.type.array === 'fixed') return `${base}[${field.type.arraySize}]`;
  return `${base}[<=${field.type.arraySize}]`;
}

/** The expression of one element's (or a scalar's) default value. */
function elementDefault(field) {
  if (field.nested !== null) return `${field.nested.constName}.create()`;
  if (field.type.name === 'bool') return 'false';
  if (primitiveTsType(field.type.name) === 'string') return "''";
  return '0';
}

function defaultExpression(field) {
  if (field.defaultValue !== undefined) return literal(field.defaultValue);
  if (field.type.array === 'none') return elementDefault(field);
  if (field.type.array !== 'fixed') return '[]';
  if (field.nested !== null) {
    return `Array.from({ length: ${field.type.arraySize} }, () => ${elementDefault(field)})`;
  }
  return `new Array<${primitiveTsType(field.type.name)}>(${field.type.arraySize}).fill(${elementDefault(field)})`;
}

/** The checker expression for one element (or a scalar) of `field`. */
function elementChecker(field, imports) {
  if (field.nested !== null) return `${field.nested.constName}.collectIssues`;
  if (field.type.stringBound !== null) {
    imports.add('../validation.js', 'boundedString');
    return `boundedString(${tsString(field.type.name)}, ${field.type.stringBound})`;
  }
  imports.add('../validation.js', 'Checks');
  return `Checks.${field.type.name}`;
}

function checkLines(field, imports) {
  const value = `m.${field.name}`;
  const path = `at(path, ${tsString(field.name)})`;
  const checker = elementChecker(field, imports);
  if (field.type.array === 'none') {
    // `Checks.uint32(...)`, `TimeType.collectIssues(...)`, `boundedString(...)(...)`.
    return callStatement('    ', checker, [value, path, 'issues']);
  }
  imports.add('../validation.js', 'checkArray');
  const bound =
    field.type.array === 'unbounded'
      ? 'null'
      : `{ kind: '${field.type.array === 'fixed' ? 'fixed' : 'bounded'}', size: ${field.type.arraySize} }`;
  return callStatement('    ', 'checkArray', [
    value,
    path,
    'issues',
    tsString(shapeOf(field)),
    bound,
    checker,
  ]);
}

function fieldSpecLines(field) {
  return [
    '    {',
    `      name: ${tsString(field.name)},`,
    `      type: ${tsString(field.nested === null ? field.type.name : field.nested.typeName)},`,
    `      primitive: ${field.nested === null},`,
    `      array: '${field.type.array}',`,
    `      arraySize: ${field.type.arraySize === null ? 'null' : field.type.arraySize},`,
    `      stringBound: ${field.type.stringBound === null ? 'null' : field.type.stringBound},`,
    '    },',
  ];
}

/** The interface, constants and descriptor of one message. */
function emitMessage(message, imports) {
  const lines = [];
  for (const field of message.fields) useFieldType(imports, field, message.module);
  imports.add('../defineMessage.js', 'defineMessage');

  const source = [`ROS 2 type \`${message.typeName}\`, from ${message.file}.`];
  if (message.rosTypeName !== null) {
    source.push(`Sent on ROS 2 as \`${message.rosTypeName}\` (the file's \`@ros-type\`).`);
  }
  if (message.runtimeName === null) {
    lines.push(...docBlock(message.doc.length > 0 ? [...message.doc, '', ...source] : source, ''));
    if (message.fields.length === 0) {
      lines.push(`export type ${message.tsName} = Record<string, never>;`, '');
    } else {
      lines.push(`export interface ${message.tsName} {`);
      for (const field of message.fields) {
        lines.push(...docBlock(field.doc, '  '), `  ${field.name}: ${tsType(field)};`);
      }
      lines.push('}', '');
    }
  } else {
    imports.add('../runtime.js', message.runtimeName, true);
  }

  let constants = '{}';
  if (message.constants.length > 0) {
    constants = message.constantsName;
    lines.push(...docBlock([`Constants of \`${message.typeName}\`.`], ''));
    lines.push(`export const ${message.constantsName} = {`);
    for (const constant of message.constants) {
      lines.push(
        ...docBlock(constant.doc, '  '),
        `  ${constant.name}: ${literal(constant.value)},`,
      );
    }
    lines.push('} as const;', '');
  }

  lines.push(...docBlock([`Creates, parses and checks \`${message.typeName}\` messages.`], ''));
  lines.push(`export const ${message.constName} = defineMessage<${message.tsName}>({`);
  lines.push(`  typeName: ${tsString(message.typeName)},`);
  if (message.rosTypeName !== null) lines.push(`  rosTypeName: ${tsString(message.rosTypeName)},`);
  if (message.fields.length === 0) {
    lines.push('  definition: [],', `  constants: ${constants},`, '  defaults: () => ({}),');
    lines.push('  checkFields: () => {},');
  } else {
    imports.add('../validation.js', 'at');
    lines.push('  definition: [');
    for (const field of message.fields) lines.push(...fieldSpecLines(field));
    lines.push('  ],', `  constants: ${constants},`, '  defaults: () => ({');
    for (const field of message.fields)
      lines.push(`    ${field.name}: ${defaultExpression(field)},`);
    lines.push('  }),', '  checkFields: (m, path, issues) => {');
    for (const field of message.fields) lines.push(...checkLines(field, imports));
    lines.push('  },');
  }
  lines.push('});', '');
  return lines;
}

function emitComposite(composite, kind) {
  const parts = composite.parts.map((part) => part.tsName).join(', ');
  const descriptor = kind === 'action' ? 'ActionDescriptor' : 'ServiceDescriptor';
  const keys = kind === 'action' ? ['goal', 'result', 'feedback'] : ['request', 'response'];
  const source = `ROS 2 ${kind === 'action' ? 'action' : 'service'} \`${composite.typeName}\`, from ${composite.file}.`;
  const lines = [
    ...docBlock(composite.doc.length > 0 ? [...composite.doc, '', source] : [source], ''),
  ];
  const head = `export const ${composite.constName}: ${descriptor}<${parts}> =`;
  const body = (pad) => [
    `${pad}  typeName: ${tsString(composite.typeName)},`,
    ...composite.parts.map((part, index) => `${pad}  ${keys[index]}: ${part.constName},`),
    `${pad}});`,
    '',
  ];
  // prettier's three layouts, from the most compact that fits.
  if (`${head} Object.freeze({`.length <= PRINT_WIDTH) {
    lines.push(`${head} Object.freeze({`, ...body(''));
  } else if (head.length <= PRINT_WIDTH) {
    lines.push(head, '  Object.freeze({', ...body('  '));
  } else {
    lines.push(`export const ${composite.constName}: ${descriptor}<`);
    // Type argument lists take no trailing comma.
    lines.push(
      ...composite.parts.map((part, i, all) => `  ${part.tsName}${i < all.length - 1 ? ',' : ''}`),
    );
    lines.push('> = Object.freeze({', ...body(''));
  }
  return lines;
}

function moduleText(imports, body) {
  const importLines = imports.print();
  return [...HEADER, ...importLines, ...(importLines.length > 0 ? [''] : []), ...body]
    .join('\n')
    .replace(/\n*$/, '\n');
}

function emitMessagesModule(messages, module, runtimeImport) {
  const imports = new Imports(runtimeImport);
  const body = messages.filter((m) => m.module === module).flatMap((m) => emitMessage(m, imports));
  return moduleText(imports, body);
}

function emitCompositeModule(model, kind, runtimeImport) {
  const composites = kind === 'action' ? model.actions : model.services;
  const imports = new Imports(runtimeImport);
  const body = [];
  for (const composite of composites) {
    for (const part of composite.parts) body.push(...emitMessage(part, imports));
    body.push(...emitComposite(composite, kind));
  }
  if (composites.length > 0) {
    imports.add(
      '../runtime.js',
      kind === 'action' ? 'ActionDescriptor' : 'ServiceDescriptor',
      true,
    );
  }
  // An empty module still needs to be one, so the barrel's `export *` compiles.
  return moduleText(imports, body.length > 0 ? body : ['export {};']);
}

function registryEntries(lines, name, entries, doc) {
  lines.push(...docBlock(doc, ''), `export const ${name} = Object.freeze({`);
  for (const [typeName, constName] of entries) lines.push(`  ${tsString(typeName)}: ${constName},`);
  lines.push('});', '');
}

function emitRegistry(model, runtimeImport) {
  const imports = new Imports(runtimeImport);
  const lines = [];
  for (const message of model.messages) imports.add(importPath(message.module), message.constName);
  for (const composite of [...model.actions, ...model.services]) {
    imports.add(importPath(composite.parts[0].module), composite.constName);
  }
  imports.add('../runtime.js', 'MessageDescriptor', true);
  const byName = (items) =>
    items.map((item) => [item.typeName, item.constName]).sort(([a], [b]) => compareStrings(a, b));
  registryEntries(lines, 'MessageTypes', byName(model.messages), [
    'Every message descriptor by ROS 2 type name (`pkg/msg/Type`, `pkg/srv/Type_Request`,',
    '`pkg/action/Type_Goal`, ...), for transports that meet type names on the wire.',
  ]);
  registryEntries(lines, 'ActionTypes', byName(model.actions), [
    'Every action by ROS 2 type name.',
  ]);
  registryEntries(lines, 'ServiceTypes', byName(model.services), [
    'Every service by ROS 2 type name.',
  ]);
  lines.push(
    'export type MessageTypeName = keyof typeof MessageTypes;',
    'export type ActionTypeName = keyof typeof ActionTypes;',
    'export type ServiceTypeName = keyof typeof ServiceTypes;',
    '',
    '/** The descriptor of a message type name, or undefined for a type this package does not know. */',
    'export function findMessageType(typeName: string): MessageDescriptor<unknown> | undefined {',
    '  return Object.hasOwn(MessageTypes, typeName)',
    '    ? (MessageTypes as Readonly<Record<string, MessageDescriptor<unknown>>>)[typeName]',
    '    : undefined;',
    '}',
    '',
  );
  return moduleText(imports, lines);
}

/**
 * All generated files.
 * @param {import('./model.mjs').InterfaceModel} model
 * @param {{ runtimeImport?: string }} [options] the module path, from the generated files, of
 *   the package's hand-written modules (runtime.ts, validation.ts, defineMessage.ts); tests that
 *   generate elsewhere point it back at src
 * @returns {Map<string, string>} file name (relative to src/generated) to content, sorted
 */
export function emitModel(model, { runtimeImport = '..' } = {}) {
  const files = new Map();
  const dependencyModules = [
    ...new Set(model.messages.filter((m) => m.package !== model.packageName).map((m) => m.module)),
  ].sort(compareStrings);
  for (const module of dependencyModules) {
    files.set(`${module}.ts`, emitMessagesModule(model.messages, module, runtimeImport));
  }
  files.set('messages.ts', emitMessagesModule(model.messages, 'messages', runtimeImport));
  files.set('actions.ts', emitCompositeModule(model, 'action', runtimeImport));
  files.set('services.ts', emitCompositeModule(model, 'srv', runtimeImport));
  files.set('registry.ts', emitRegistry(model, runtimeImport));
  const barrel = [...dependencyModules, 'messages', 'actions', 'services', 'registry'].map(
    (module) => `export * from '${importPath(module)}';`,
  );
  files.set('index.ts', moduleText(new Imports(runtimeImport), barrel));
  return new Map([...files.entries()].sort(([a], [b]) => compareStrings(a, b)));
}
