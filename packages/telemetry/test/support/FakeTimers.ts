// The telemetry tests' name for the shared hand-moved timers (reconnects and alert re-sends
// without waiting).
export { ManualTimers as FakeTimers } from '../../../../tests/support/ManualTimers.js';
