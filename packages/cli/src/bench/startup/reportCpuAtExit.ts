/**
 * Loaded with `node --import` into each `hearth` run the start-up benchmark spawns: prints the
 * process's own CPU time (user + system) as its last stderr line, since Node cannot read a
 * child's resource usage.
 */
import { writeSync } from 'node:fs';
import { CPU_REPORT_PREFIX } from './startupTypes.js';

process.on('exit', () => {
  const usage = process.cpuUsage();
  writeSync(2, `\n${CPU_REPORT_PREFIX} ${usage.user + usage.system}\n`);
});
