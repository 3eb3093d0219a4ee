import type { ChatDriver, ChatTurn } from './ChatDriver.js';
import type { ChatLine } from './directives.js';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Plays a `hearth chat` script: utterances one after another (each waits for the previous reply),
 * with directives between them. A reply goes on while `/wait` sleeps, so `/interrupt` can land
 * while the robot thinks or speaks; the interrupted turn is still printed, with what was said.
 * What the robot says on its own (its greeting, a check-in) is printed too, as it is said.
 */
export async function runChatScript(
  lines: AsyncIterable<ChatLine>,
  driver: Pick<ChatDriver, 'say' | 'interrupt'> &
    Partial<Pick<ChatDriver, 'ready' | 'onRobotTurn'>>,
  print: (turn: ChatTurn) => void,
): Promise<void> {
  driver.onRobotTurn?.(print);
  let pending: Promise<void> | undefined;
  const finishPending = async (): Promise<void> => {
    const turn = pending;
    pending = undefined;
    await turn;
  };
  for await (const line of lines) {
    switch (line.kind) {
      case 'say':
        await finishPending();
        // The person speaks once the robot listens (after its opening words), so a `/wait`
        // after this line counts from the words, not from the AI notice before them.
        await driver.ready?.(`"${line.text.slice(0, 40)}"`);
        pending = driver.say(line.text).then(print);
        // A rejected turn is reported when it is awaited; do not let it go unhandled meanwhile.
        pending.catch(() => undefined);
        break;
      case 'wait':
        await sleep(line.ms);
        break;
      case 'interrupt':
        await driver.interrupt();
        await finishPending();
        break;
      case 'silence':
        await finishPending();
        await sleep(line.ms);
        break;
    }
  }
  await finishPending();
}
