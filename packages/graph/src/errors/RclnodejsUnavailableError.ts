/** rclnodejs could not be loaded (no ROS 2 sourced, or its native addon was never built). */
export class RclnodejsUnavailableError extends Error {
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `Cannot load rclnodejs (${reason}). Fix: source ROS 2 (e.g. /opt/ros/jazzy/setup.bash) and the ` +
        `hearth_interfaces colcon workspace, allow rclnodejs's build (allowBuilds in ` +
        `pnpm-workspace.yaml), run \`pnpm rebuild rclnodejs\`; or set HEARTH_TRANSPORT=in-process.`,
      { cause },
    );
    this.name = 'RclnodejsUnavailableError';
  }
}
