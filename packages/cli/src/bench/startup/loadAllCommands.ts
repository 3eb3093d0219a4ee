/**
 * Loaded with `node --import` before `hearth` to measure start-up as it was when main.ts
 * imported every command up front: all command modules are loaded before the program parses.
 */
import { loadAllCommandModules } from '../../program/commandModules.js';

await loadAllCommandModules();
