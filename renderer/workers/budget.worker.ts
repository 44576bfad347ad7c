/**
 * The budget screen's Web Worker: the optimiser, the chance simulation and the compliance plan
 * run here, so that typing never waits for them. One request at a time; the screen ends a busy
 * worker when newer input arrives (budget-client.ts), so a stale computation never delays it.
 */
import { createBudgetHandler } from './budget-handler';

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
const handler = createBudgetHandler();
scope.onmessage = (event) => scope.postMessage(handler.handle(event.data));
