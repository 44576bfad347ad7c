import { create } from 'zustand';
import type { ScanRecord } from '../db/records';
import { getScan, saveScan, scanWritesSettled } from '../db/scans';
import { RestoreError } from '../db/restore';
import type { FieldError } from '../../scoring/parse-json';

/** The parts of a scan that undo and redo restore. */
type Snapshot = Pick<ScanRecord, 'answers' | 'costOverrides' | 'locked' | 'name'>;

const MAX_UNDO = 200;

/**
 * Why a scan could not be opened: it is not there, its stored record does not pass the restore
 * step (the problems as codes, worded by the screen in the user's language), or the storage
 * itself failed (its own detail).
 */
export type ScanLoadError = 'not-found' | { problems: readonly FieldError[] } | { detail: string };

interface ScanEditorSlice {
  scan: ScanRecord | null;
  loadError: ScanLoadError | null;
  undoStack: Snapshot[];
  redoStack: Snapshot[];
  /** Set when the last write failed (e.g. storage full); the screen shows it, the last saved state stays. */
  saveError: string | null;
  load(scanId: string): Promise<void>;
  unload(): void;
  /** Applies a change: written to IndexedDB first, shown once committed. `coalesceKey` merges typing into one undo step. */
  change(mutate: (scan: ScanRecord) => ScanRecord, options?: { coalesceKey?: string }): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

const snapshotOf = (scan: ScanRecord): Snapshot => structuredClone({ answers: scan.answers, costOverrides: scan.costOverrides, locked: scan.locked, name: scan.name });

// Writes reach the database in the order they were made: saveScan chains them (renderer/db/scans.ts).
let pending: ScanRecord | null = null;
// The undo/redo stacks that belong to `pending`: a change made before the previous one has
// committed must build on that one's history too, or its undo step would be lost.
let pendingHistory: Pick<ScanEditorSlice, 'undoStack' | 'redoStack'> | null = null;
let lastCoalesceKey: string | null = null;

export const useScanEditor = create<ScanEditorSlice>()((set, get) => {
  async function persist(next: ScanRecord, history: Pick<ScanEditorSlice, 'undoStack' | 'redoStack'>): Promise<void> {
    pending = next;
    pendingHistory = history;
    try {
      await saveScan(next);
      // Only what is committed is shown; a newer pending change will show itself when it commits.
      if (get().scan?.id === next.id) set({ scan: next, saveError: null, ...history });
    } catch (error) {
      pending = get().scan;
      pendingHistory = null;
      set({ saveError: error instanceof Error ? error.message : String(error) });
    }
  }

  return {
    scan: null,
    loadError: null,
    undoStack: [],
    redoStack: [],
    saveError: null,
    async load(scanId) {
      await scanWritesSettled();
      try {
        const scan = (await getScan(scanId)) ?? null;
        pending = scan;
        pendingHistory = null;
        lastCoalesceKey = null;
        set({ scan, loadError: scan ? null : 'not-found', undoStack: [], redoStack: [], saveError: null });
      } catch (error) {
        set({ scan: null, loadError: error instanceof RestoreError ? { problems: error.problems } : { detail: error instanceof Error ? error.message : String(error) } });
      }
    },
    unload() {
      pending = null;
      pendingHistory = null;
      lastCoalesceKey = null;
      set({ scan: null, loadError: null, undoStack: [], redoStack: [], saveError: null });
    },
    async change(mutate, options = {}) {
      const base = pending ?? get().scan;
      if (!base) return;
      const next = { ...mutate(structuredClone(base)), updatedAt: new Date().toISOString() };
      const { undoStack } = pendingHistory ?? get();
      const merges = options.coalesceKey !== undefined && options.coalesceKey === lastCoalesceKey;
      lastCoalesceKey = options.coalesceKey ?? null;
      const nextUndo = merges ? undoStack : [...undoStack, snapshotOf(base)].slice(-MAX_UNDO);
      await persist(next, { undoStack: nextUndo, redoStack: [] });
    },
    async undo() {
      const base = pending ?? get().scan;
      const { undoStack, redoStack } = pendingHistory ?? get();
      const previous = undoStack.at(-1);
      if (!base || !previous) return;
      lastCoalesceKey = null;
      await persist({ ...base, ...structuredClone(previous), updatedAt: new Date().toISOString() }, { undoStack: undoStack.slice(0, -1), redoStack: [...redoStack, snapshotOf(base)] });
    },
    async redo() {
      const base = pending ?? get().scan;
      const { undoStack, redoStack } = pendingHistory ?? get();
      const next = redoStack.at(-1);
      if (!base || !next) return;
      lastCoalesceKey = null;
      await persist({ ...base, ...structuredClone(next), updatedAt: new Date().toISOString() }, { undoStack: [...undoStack, snapshotOf(base)], redoStack: redoStack.slice(0, -1) });
    },
  };
});

/** Pure helpers for the answer changes the screens make. */
export const answerChanges = {
  setLevel: (questionId: string, level: string) => (scan: ScanRecord): ScanRecord => {
    const note = scan.answers[questionId]?.note;
    scan.answers[questionId] = note ? { level, note } : { level };
    return scan;
  },
  setNotApplicable: (questionId: string, isNotApplicable: boolean) => (scan: ScanRecord): ScanRecord => {
    const note = scan.answers[questionId]?.note;
    if (isNotApplicable) scan.answers[questionId] = note ? { notApplicable: true, note } : { notApplicable: true };
    else if (note) scan.answers[questionId] = { note };
    else delete scan.answers[questionId];
    return scan;
  },
  clear: (questionId: string) => (scan: ScanRecord): ScanRecord => {
    const note = scan.answers[questionId]?.note;
    if (note) scan.answers[questionId] = { note };
    else delete scan.answers[questionId];
    return scan;
  },
  setNote: (questionId: string, note: string) => (scan: ScanRecord): ScanRecord => {
    const current = { ...scan.answers[questionId] };
    if (note) current.note = note;
    else delete current.note;
    if (current.level === undefined && current.notApplicable === undefined && current.note === undefined) delete scan.answers[questionId];
    else scan.answers[questionId] = current;
    return scan;
  },
  toggleLock: (questionId: string) => (scan: ScanRecord): ScanRecord => {
    scan.locked = scan.locked.includes(questionId) ? scan.locked.filter((q) => q !== questionId) : [...scan.locked, questionId].sort();
    return scan;
  },
  setCostOverride: (questionId: string, level: string, cost: ScanRecord['costOverrides'][number]['cost'] | null) => (scan: ScanRecord): ScanRecord => {
    scan.costOverrides = scan.costOverrides.filter((o) => !(o.question === questionId && o.level === level));
    if (cost) scan.costOverrides.push({ question: questionId, level, cost });
    return scan;
  },
};
