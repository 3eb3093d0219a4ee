import { pino, type Logger as PinoLogger } from 'pino';

import type { LogLevel, Logger } from '../api.js';
import type { LogCapture } from './LogCapture.js';

/** Makes the logger of one node; every line it writes names the node. */
export type LoggerFactory = (nodeName: string) => Logger;

export interface LoggingOptions {
  /** Lowest level written. Default: env HEARTH_LOG_LEVEL, else `info`. */
  readonly level?: LogLevel;
  /** Capture lines in memory (tests) instead of writing JSON lines to stderr. */
  readonly capture?: LogCapture;
}

const levels: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'fatal'];

/** Reads HEARTH_LOG_LEVEL, ignoring values pino would not know. */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel | undefined {
  const value = env['HEARTH_LOG_LEVEL']?.toLowerCase();
  return levels.find((level) => level === value);
}

/**
 * Structured logging through pino: JSON lines on stderr (stdout stays free for `hearth chat
 * --json`), synchronous so that nothing is lost when the process exits.
 */
export function createLoggerFactory(options: LoggingOptions = {}): LoggerFactory {
  const level = options.level ?? logLevelFromEnv() ?? 'info';
  const root: PinoLogger = pino(
    { level, base: null, formatters: { level: (label) => ({ level: label }) } },
    options.capture ?? pino.destination({ fd: 2, sync: true }),
  );
  return (nodeName) => wrapPino(root.child({ node: nodeName }));
}

function wrapPino(logger: PinoLogger): Logger {
  const write =
    (level: LogLevel) =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (fields === undefined) logger[level](message);
      else logger[level](fields, message);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    fatal: write('fatal'),
  };
}

/** A factory as given, or the pino one built from options. */
export function resolveLoggerFactory(
  logger: LoggerFactory | LoggingOptions | undefined,
): LoggerFactory {
  return typeof logger === 'function' ? logger : createLoggerFactory(logger);
}
