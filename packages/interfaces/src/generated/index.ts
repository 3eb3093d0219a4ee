// generated, do not edit: written by packages/interfaces/scripts/generate.mjs from the
// .msg, .action and .srv files of hearth_interfaces. Change those and run `pnpm gen:interfaces`.

export * from './builtin_interfaces.js';
export * from './std_msgs.js';
export * from './messages.js';
export * from './actions.js';
export * from './services.js';
export * from './registry.js';
