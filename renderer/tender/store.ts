import { create } from 'zustand';
import type { VerifyResult } from '../../report/verify';
import { DEFAULT_SORT, type BidData, type SortState } from './evaluation';
import type { LoadedProfile } from './load-profile';

/** A bid file of this session: its bytes (to check again) and, once verified, the outcome. */
export interface SessionBid {
  id: number;
  file: string;
  bytes: Uint8Array;
  result: VerifyResult | null;
  data: BidData | null;
}

interface TenderSession {
  view: 'evaluate' | 'author';
  /** The profile the bids are checked against, with the name of its file. */
  profile: { loaded: LoadedProfile; file: string } | null;
  bids: SessionBid[];
  sort: SortState;
  setView(view: TenderSession['view']): void;
  setProfile(profile: TenderSession['profile']): void;
  /** Adds files to check (a file with the same name replaces the earlier one); returns them with their ids. */
  addBids(files: readonly { name: string; data: Uint8Array }[]): SessionBid[];
  /** Marks bids as being checked again. */
  resetBids(ids: readonly number[]): void;
  setOutcome(id: number, result: VerifyResult, data: BidData | null): void;
  clearBids(): void;
  setSort(sort: SortState): void;
}

let bidSeq = 0;

/**
 * The Tender screen's session: the opened profile and bids stay while the user visits other
 * screens (e.g. Settings, to add trusted keys), and are gone when the app closes. Nothing here is
 * something the user made: the files stay where they are.
 */
export const useTenderSession = create<TenderSession>()((set) => ({
  view: 'evaluate',
  profile: null,
  bids: [],
  sort: DEFAULT_SORT,
  setView: (view) => set({ view }),
  setProfile: (profile) => set({ profile }),
  addBids(files) {
    const added = files.map((f) => ({ id: ++bidSeq, file: f.name, bytes: f.data, result: null, data: null }));
    const names = new Set(files.map((f) => f.name));
    set((s) => ({ bids: [...s.bids.filter((b) => !names.has(b.file)), ...added] }));
    return added;
  },
  resetBids(ids) {
    const which = new Set(ids);
    set((s) => ({ bids: s.bids.map((b) => (which.has(b.id) ? { ...b, result: null, data: null } : b)) }));
  },
  setOutcome(id, result, data) {
    set((s) => ({ bids: s.bids.map((b) => (b.id === id ? { ...b, result, data } : b)) }));
  },
  clearBids: () => set({ bids: [] }),
  setSort: (sort) => set({ sort }),
}));
