/**
 * Timing allowances several nodes must agree on, kept in one place so they cannot drift apart.
 */

/**
 * How long after the robot's audio ends the microphone may still hear it (room echo): the
 * wake_word node's `self_hearing_tail_ms` default, and how long the dialogue and gesture nodes
 * keep treating voice activity as the robot's own.
 */
export const ROBOT_ECHO_TAIL_MS = 400;
