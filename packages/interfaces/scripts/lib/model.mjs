/**
 * Reads an interface package (and the dependency packages it refers to) into the model the
 * emitter writes: every message with its TypeScript names and resolved nested types, and the
 * actions and services built from them. Cross-file errors (unknown types, recursion, name
 * clashes) are raised here, naming file:line.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { InterfaceDefinitionError } from './errors.mjs';
import { parseInterface } from './parse.mjs';

/**
 * @typedef {import('./parse.mjs').Field & { nested: MessageModel | null }} ResolvedField
 *
 * @typedef {object} MessageModel
 * @property {string} package
 * @property {string} typeName e.g. hearth_interfaces/msg/Transcript, hearth_interfaces/srv/Wake_Request
 * @property {string | null} rosTypeName the foreign type a `# @ros-type` directive maps it to
 *   (e.g. hri_msgs/msg/LiveSpeech), which transports use on ROS 2; null when not mapped
 * @property {number | null} rosTypeLine the directive's line, for errors
 * @property {string} tsName the TypeScript interface, e.g. Transcript, WakeRequest
 * @property {string} constName the descriptor constant, e.g. TranscriptType
 * @property {string} constantsName the constants object, e.g. TranscriptConstants
 * @property {string | null} runtimeName set where runtime.ts declares the interface (Time)
 * @property {string[]} doc
 * @property {ResolvedField[]} fields
 * @property {import('./parse.mjs').Constant[]} constants
 * @property {string} file
 * @property {string} module the generated module holding it, without extension
 *
 * @typedef {object} CompositeModel an action or a service
 * @property {string} name e.g. Generate
 * @property {string} typeName e.g. hearth_interfaces/action/Generate
 * @property {string} constName e.g. GenerateAction, WakeService
 * @property {string[]} doc
 * @property {MessageModel[]} parts goal, result, feedback or request, response
 * @property {string} file
 *
 * @typedef {object} InterfaceModel
 * @property {string} packageName
 * @property {MessageModel[]} messages every message, including dependencies and parts, by typeName
 * @property {CompositeModel[]} actions
 * @property {CompositeModel[]} services
 * @property {{ kind: 'msg' | 'srv' | 'action', file: string, rosTypeName: string | null }[]} files
 *   the package's own files; a mapped message (rosTypeName set) is not built into the package
 */

/** builtin_interfaces types that runtime.ts declares by hand (graph code uses them directly). */
const RUNTIME_DECLARED = Object.freeze({
  'builtin_interfaces/msg/Time': 'Time',
  'builtin_interfaces/msg/Duration': 'Duration',
});

/** Names the package's hand-written modules and the registry already export. */
const RESERVED_NAMES = Object.freeze([
  'Time',
  'Duration',
  'InvalidMessageError',
  'MessageType',
  'ActionType',
  'ServiceType',
  'MessageDescriptor',
  'ActionDescriptor',
  'ServiceDescriptor',
  'FieldSpec',
  'FieldArrayKind',
  'ConstantValue',
  'Topics',
  'Actions',
  'Services',
  'NodeNames',
  'ANONYMOUS_VOICE_ID',
  'InvalidVoiceIdError',
  'humanVoiceSpeechTopic',
  'MessageTypes',
  'ActionTypes',
  'ServiceTypes',
  'MessageTypeName',
  'ActionTypeName',
  'ServiceTypeName',
  'findMessageType',
  'defineMessage',
]);

const INTERFACE_FILE = /^([A-Z][A-Za-z0-9]*)\.(msg|srv|action)$/;
const PART_NAMES = Object.freeze({
  srv: ['Request', 'Response'],
  action: ['Goal', 'Result', 'Feedback'],
});

/** Byte-order comparison, so output never depends on the machine's locale. */
export function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lists `<dir>/*.<kind>` sorted, checking each name; returns paths relative to `root`. */
function listInterfaceFiles(root, relativeDir, kind) {
  const dir = join(root, relativeDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((entry) => /\.(msg|srv|action)$/.test(entry))
    .sort(compareStrings)
    .map((entry) => {
      const file = `${relativeDir}/${entry}`;
      const match = INTERFACE_FILE.exec(entry);
      if (match === null) {
        throw new InterfaceDefinitionError(
          file,
          null,
          'interface file names are CamelCase (A-Z first, then letters and digits), e.g. TurnRecord.msg',
        );
      }
      if (match[2] !== kind) {
        throw new InterfaceDefinitionError(
          file,
          null,
          `a .${match[2]} file belongs in ${match[2]}/, not ${relativeDir}/`,
        );
      }
      return { name: match[1], file };
    });
}

function makeMessage(pkg, typeName, tsName, section, file, module) {
  return {
    package: pkg,
    typeName,
    rosTypeName: section.rosType?.name ?? null,
    rosTypeLine: section.rosType?.line ?? null,
    tsName,
    constName: `${tsName}Type`,
    constantsName: `${tsName}Constants`,
    runtimeName: RUNTIME_DECLARED[typeName] ?? null,
    doc: section.doc,
    fields: section.fields.map((field) => ({ ...field, nested: null })),
    constants: section.constants,
    file,
    module,
  };
}

/**
 * Reads and resolves a package.
 * @param {object} options
 * @param {string} options.packageDir the ROS package (holds msg/, srv/, action/)
 * @param {string} options.packageName its ROS name, e.g. hearth_interfaces
 * @param {string} [options.depsDirName] folder under packageDir holding `<pkg>/msg/*.msg` of
 *   dependency packages (default `deps`)
 * @returns {InterfaceModel}
 */
export function buildModel({ packageDir, packageName, depsDirName = 'deps' }) {
  /** @type {MessageModel[]} */
  const messages = [];
  const actions = [];
  const services = [];
  const files = [];
  const read = (file, kind) =>
    parseInterface(readFileSync(join(packageDir, file), 'utf8'), file, kind);

  const depsRoot = join(packageDir, depsDirName);
  const depPackages = existsSync(depsRoot) ? readdirSync(depsRoot).sort(compareStrings) : [];
  for (const dep of depPackages) {
    for (const { name, file } of listInterfaceFiles(
      packageDir,
      `${depsDirName}/${dep}/msg`,
      'msg',
    )) {
      const [section] = read(file, 'msg');
      if (section.rosType !== null) {
        throw new InterfaceDefinitionError(
          file,
          section.rosType.line,
          `${depsDirName}/ holds other packages' own definitions, which need no @ros-type: remove it`,
        );
      }
      const typeName = `${dep}/msg/${name}`;
      messages.push(
        makeMessage(dep, typeName, RUNTIME_DECLARED[typeName] ?? name, section, file, dep),
      );
    }
  }

  for (const { name, file } of listInterfaceFiles(packageDir, 'msg', 'msg')) {
    const [section] = read(file, 'msg');
    files.push({ kind: 'msg', file, rosTypeName: section.rosType?.name ?? null });
    messages.push(
      makeMessage(packageName, `${packageName}/msg/${name}`, name, section, file, 'messages'),
    );
  }
  for (const kind of /** @type {const} */ (['action', 'srv'])) {
    for (const { name, file } of listInterfaceFiles(packageDir, kind, kind)) {
      files.push({ kind, file, rosTypeName: null });
      const sections = read(file, kind);
      const module = kind === 'action' ? 'actions' : 'services';
      const parts = sections.map((section, index) => {
        const part = PART_NAMES[kind][index];
        const typeName = `${packageName}/${kind}/${name}_${part}`;
        return makeMessage(packageName, typeName, `${name}${part}`, section, file, module);
      });
      messages.push(...parts);
      const composite = {
        name,
        typeName: `${packageName}/${kind}/${name}`,
        constName: `${name}${kind === 'action' ? 'Action' : 'Service'}`,
        doc: sections[0].doc,
        parts,
        file,
      };
      (kind === 'action' ? actions : services).push(composite);
    }
  }

  resolveNestedTypes(messages, packageName, depsDirName);
  checkNoRecursion(messages);
  checkRosTypeMappings(messages, packageName);
  checkUniqueNames(messages, actions, services);
  messages.sort((a, b) => compareStrings(a.typeName, b.typeName));
  files.sort((a, b) => compareStrings(a.file, b.file));
  return { packageName, messages, actions, services, files };
}

/** Points each nested field at its message: `Foo` is the file's own package, `pkg/Foo` any. */
function resolveNestedTypes(messages, packageName, depsDirName) {
  const byTypeName = new Map(messages.map((message) => [message.typeName, message]));
  for (const message of messages) {
    for (const field of message.fields) {
      if (field.type.primitive) continue;
      const pkg = field.type.package ?? message.package;
      const target = byTypeName.get(`${pkg}/msg/${field.type.name}`);
      if (target === undefined) {
        const known = messages
          .filter((m) => m.typeName.includes('/msg/'))
          .map((m) => m.typeName.replace('/msg/', '/'))
          .join(', ');
        const fix =
          pkg === packageName
            ? `add msg/${field.type.name}.msg`
            : `add its definition as ${depsDirName}/${pkg}/msg/${field.type.name}.msg (and depend on ${pkg} in package.xml and CMakeLists.txt)`;
        throw new InterfaceDefinitionError(
          message.file,
          field.line,
          `unknown type '${pkg}/${field.type.name}' for field ${field.name}: ${fix}. Known messages: ${known}`,
        );
      }
      field.nested = target;
    }
  }
}

/**
 * A mapped message travels on ROS 2 as its foreign type, so what it nests must travel as that
 * type's fields do: a nested message of this package must be mapped too. And since mapped
 * messages are not built into the package (CMakeLists.txt leaves them out), nothing unmapped may
 * nest one. Two messages cannot claim one foreign type, nor map to this package.
 */
function checkRosTypeMappings(messages, packageName) {
  const claimed = new Map();
  for (const message of messages) {
    const mapped = message.rosTypeName;
    if (mapped !== null) {
      const line = message.rosTypeLine;
      if (mapped.startsWith(`${packageName}/`)) {
        throw new InterfaceDefinitionError(
          message.file,
          line,
          `@ros-type ${mapped} names this package's own type; remove the directive`,
        );
      }
      const other = claimed.get(mapped);
      if (other !== undefined) {
        throw new InterfaceDefinitionError(
          message.file,
          line,
          `@ros-type ${mapped} is already the mapping of ${other}; map each foreign type once`,
        );
      }
      claimed.set(mapped, message.file);
    }
    for (const field of message.fields) {
      const nested = field.nested;
      if (nested === null || nested.package !== packageName) continue;
      if (mapped !== null && nested.rosTypeName === null) {
        throw new InterfaceDefinitionError(
          message.file,
          field.line,
          `field ${field.name} nests ${nested.typeName}, which has no @ros-type, inside a message mapped to ${mapped}: add '# @ros-type <package>/msg/<Type>' (the foreign type's own field type) to ${nested.file}`,
        );
      }
      if (mapped === null && nested.rosTypeName !== null) {
        throw new InterfaceDefinitionError(
          message.file,
          field.line,
          `field ${field.name} nests ${nested.typeName}, which maps to ${nested.rosTypeName} and so is not built into ${packageName}: nest it only in mapped messages, or remove its @ros-type`,
        );
      }
    }
  }
}

/** ROS 2 messages cannot contain themselves, directly or through other messages. */
function checkNoRecursion(messages) {
  const state = new Map();
  /** @param {{ message: MessageModel, field: ResolvedField }[]} chain the path here */
  const visit = (message, chain) => {
    if (state.get(message) === 'done') return;
    if (state.get(message) === 'visiting') {
      const start = chain.findIndex((link) => link.message === message);
      const cycle = chain.slice(start);
      const names = [...cycle.map((link) => link.message.typeName), message.typeName];
      throw new InterfaceDefinitionError(
        cycle[0].message.file,
        cycle[0].field.line,
        `messages cannot contain themselves: ${names.join(' -> ')}; break the cycle (e.g. refer by id)`,
      );
    }
    state.set(message, 'visiting');
    for (const field of message.fields) {
      if (field.nested !== null) visit(field.nested, [...chain, { message, field }]);
    }
    state.set(message, 'done');
  };
  for (const message of messages) visit(message, []);
}

/** Every generated TypeScript name must be unique across the barrel. */
function checkUniqueNames(messages, actions, services) {
  const owners = new Map(
    RESERVED_NAMES.map((name) => [
      name,
      'the package itself (runtime.ts, names.ts or the registry)',
    ]),
  );
  const claim = (name, file) => {
    const previous = owners.get(name);
    if (previous !== undefined) {
      throw new InterfaceDefinitionError(
        file,
        null,
        `generates the TypeScript name ${name}, which ${previous} generates too; rename one of them`,
      );
    }
    owners.set(name, file);
  };
  for (const message of messages) {
    if (message.runtimeName === null) claim(message.tsName, message.file);
    claim(message.constName, message.file);
    if (message.constants.length > 0) claim(message.constantsName, message.file);
  }
  for (const composite of [...actions, ...services]) claim(composite.constName, composite.file);
}
