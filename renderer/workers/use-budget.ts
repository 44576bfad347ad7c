import { useEffect, useMemo, useState } from 'react';
import type { ProfileContent } from '../../scoring/profile';
import type { ScanInput } from '../../scoring/score';
import type { ScoringDefinition } from '../../scoring/types';
import { createBudgetClient, type BudgetClient, type BudgetPort } from './budget-client';
import { createBudgetHandler } from './budget-handler';
import type { BudgetErrorCode, BudgetResult } from './budget-protocol';

export interface BudgetView {
  /** The newest answer, with the input it was computed for; null until the first answer. */
  readonly answer: { readonly result: BudgetResult; readonly input: ScanInput } | null;
  /** True while the worker computes the newest input (the answer shown is then an older one). */
  readonly computing: boolean;
  readonly error: BudgetErrorCode | null;
}

/** Where no Web Worker exists (not in the app's browsers): the same handler, after a tick. */
function inThreadPort(): BudgetPort {
  const handler = createBudgetHandler();
  let alive = true;
  const port: BudgetPort = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      const copy = structuredClone(message);
      setTimeout(() => {
        if (alive) port.onmessage?.({ data: structuredClone(handler.handle(copy)) });
      }, 0);
    },
    terminate() {
      alive = false;
    },
  };
  return port;
}

function newClient(): BudgetClient {
  return createBudgetClient(typeof Worker === 'undefined' ? inThreadPort : undefined);
}

/**
 * The budget screen's computation, off the main thread: optimise, chances within budget and the
 * cheapest compliance plan, for the newest input. Keeps showing the last answer while computing.
 */
export function useBudgetComputation(definition: ScoringDefinition, input: ScanInput, prudent: boolean, locked: readonly string[], profile: ProfileContent | null | undefined): BudgetView {
  const [client] = useState(newClient);
  useEffect(() => () => client.dispose(), [client]);
  const lockedKey = locked.join('\u0000');
  // one object per distinct input: the answer says which one it is for
  const query = useMemo(
    () => (profile === undefined ? null : { definition, input, options: { prudent, locked: lockedKey === '' ? [] : lockedKey.split('\u0000') }, profile }),
    [definition, input, prudent, lockedKey, profile],
  );
  const [state, setState] = useState<{ answer: BudgetView['answer']; for: unknown; error: BudgetErrorCode | null }>({ answer: null, for: null, error: null });
  useEffect(() => {
    // null: the profile is still being read; wait for it rather than compute twice
    if (!query) return;
    client.request(query, (response) => {
      if (response.type === 'budget-result') setState({ answer: { result: response.result, input: query.input }, for: query, error: null });
      else setState((s) => ({ ...s, for: query, error: response.code }));
    });
    return () => client.cancel();
  }, [client, query]);
  return { answer: state.answer, computing: query === null || state.for !== query, error: state.for === query ? state.error : null };
}
