/** The few log calls the dashboard makes; shaped like the graph's Logger and pino's. */
export interface DashboardLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** JSON lines on stderr for warnings and errors; info stays quiet. */
export const stderrLogger: DashboardLogger = {
  info: () => undefined,
  warn: (message, fields) =>
    process.stderr.write(
      `${JSON.stringify({ level: 'warn', source: 'dashboard', message, ...fields })}\n`,
    ),
  error: (message, fields) =>
    process.stderr.write(
      `${JSON.stringify({ level: 'error', source: 'dashboard', message, ...fields })}\n`,
    ),
};
