// Stops what global-setup.js started.
export default async function globalTeardown() {
  const child = globalThis.__HEARTH_MOSQUITTO__;
  if (child && child.exitCode === null) {
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  }
}
