export * from './runtime.js';
export * from './names.js';
export * from './vocabulary.js';
export * from './timing.js';
export { defineMessage, type MessageDefinition } from './defineMessage.js';
export * from './generated/index.js';
