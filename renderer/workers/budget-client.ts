/**
 * The screen's side of the budget protocol: sends requests to the budget worker, validates its
 * answers, and lets the newest input win. A request made while the worker is still busy ends
 * that worker (its answer would be stale anyway) and starts a fresh one, so a long computation
 * on an old input never delays the new one.
 */
import type { ProfileContent } from '../../scoring/profile';
import type { ScanInput } from '../../scoring/score';
import type { ScoringDefinition } from '../../scoring/types';
import { parseBudgetResponse, scoringPart, type BudgetRequest, type BudgetResponse } from './budget-protocol';

/** What the client needs of a worker (a Web Worker, or a stand-in in tests). */
export interface BudgetPort {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface BudgetQuery {
  readonly definition: ScoringDefinition;
  readonly input: ScanInput;
  readonly options: { readonly prudent: boolean; readonly locked: readonly string[] };
  readonly profile: ProfileContent | null;
}

export interface BudgetClient {
  /** Sends a query; `onAnswer` is called once, and only if no newer query was made meanwhile. */
  request(query: BudgetQuery, onAnswer: (response: BudgetResponse) => void): number;
  /** Drops the answer to any query made so far (the screen went away or its input changed). */
  cancel(): void;
  dispose(): void;
}

/** The real worker, bundled by Vite as a module worker of its own (same origin: CSP worker-src 'self'). */
export function spawnBudgetWorker(): BudgetPort {
  return new Worker(new URL('./budget.worker.ts', import.meta.url), { type: 'module', name: 'quickscan-budget' }) as unknown as BudgetPort;
}

const definitionKeys = new WeakMap<ScoringDefinition, string>();
let keyCounter = 0;
function keyOf(definition: ScoringDefinition): string {
  let key = definitionKeys.get(definition);
  if (!key) {
    key = `definition-${++keyCounter}`;
    definitionKeys.set(definition, key);
  }
  return key;
}

export function createBudgetClient(spawn: () => BudgetPort = spawnBudgetWorker): BudgetClient {
  let port: BudgetPort | null = null;
  let known = new Set<string>();
  let nextId = 1;
  let waiting: { id: number; onAnswer: (response: BudgetResponse) => void } | null = null;

  const stop = () => {
    port?.terminate();
    port = null;
    known = new Set();
  };

  const open = (): BudgetPort => {
    if (port) return port;
    const p = spawn();
    p.onmessage = (event) => {
      const response = parseBudgetResponse(event.data);
      const w = waiting;
      if (!w) return;
      if (!response) {
        waiting = null;
        return w.onAnswer({ type: 'budget-error', id: w.id, code: 'failed' });
      }
      if (response.id !== w.id) return; // an answer to an older query
      waiting = null;
      w.onAnswer(response);
    };
    p.onerror = () => {
      // the worker could not start or crashed: say so for the query it had
      const w = waiting;
      waiting = null;
      stop();
      w?.onAnswer({ type: 'budget-error', id: w.id, code: 'failed' });
    };
    port = p;
    return p;
  };

  return {
    request(query, onAnswer) {
      if (waiting) stop(); // busy with an older input: end it, newest input wins
      const p = open();
      const definitionKey = keyOf(query.definition);
      const id = nextId++;
      const message: BudgetRequest = {
        type: 'budget',
        id,
        definitionKey,
        ...(known.has(definitionKey) ? {} : { definition: scoringPart(query.definition) }),
        input: query.input,
        options: { prudent: query.options.prudent, locked: [...query.options.locked] },
        profile: query.profile,
      };
      known.add(definitionKey);
      waiting = { id, onAnswer };
      p.postMessage(message);
      return id;
    },
    cancel() {
      if (waiting) stop();
      waiting = null;
    },
    dispose() {
      waiting = null;
      stop();
    },
  };
}
