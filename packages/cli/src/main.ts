#!/usr/bin/env node
/**
 * The hearth command. program/ declares the commands, their options and help; each command's
 * code lives in commands/ and is loaded only when that command runs, so start-up pays for one
 * command, not all. Failures print one actionable line (see errors.ts), never a stack trace.
 */
import { buildProgram } from './program/buildProgram.js';

await buildProgram().parseAsync(process.argv);
