import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/db';
import { createProject } from '../db/projects';
import { createScan, getScan } from '../db/scans';
import { answerChanges, useScanEditor } from './scan-editor';
import { fieldErrorsText } from '../../report/input-strings';
import type { FieldError } from '../../scoring/parse-json';

async function freshScan() {
  await db.delete();
  await db.open();
  const project = await createProject({ name: 'Test', gfaM2: 1000 });
  const scan = await createScan({ projectId: project.id, name: 'Ontwerp', definitionId: 'zeeland-quickscan', definitionVersion: '1.0.0' });
  await useScanEditor.getState().load(scan.id);
  return scan;
}

describe('scan editor', () => {
  beforeEach(() => useScanEditor.getState().unload());

  it('shows a change only once it is stored', async () => {
    const scan = await freshScan();
    const done = useScanEditor.getState().change(answerChanges.setLevel('A1', 'l3'));
    expect(useScanEditor.getState().scan?.answers.A1).toBeUndefined();
    await done;
    expect(useScanEditor.getState().scan?.answers.A1).toEqual({ level: 'l3' });
    expect((await getScan(scan.id))?.answers.A1).toEqual({ level: 'l3' });
  });

  it('stores rapid changes in order; the last one wins', async () => {
    const scan = await freshScan();
    const { change } = useScanEditor.getState();
    await Promise.all(['l0', 'l1', 'l2', 'l3', 'l4'].map((l) => change(answerChanges.setLevel('B2', l))));
    expect((await getScan(scan.id))?.answers.B2).toEqual({ level: 'l4' });
    expect(useScanEditor.getState().scan?.answers.B2).toEqual({ level: 'l4' });
  });

  it('undoes and redoes, and stores each step', async () => {
    const scan = await freshScan();
    const s = useScanEditor.getState;
    await s().change(answerChanges.setLevel('A1', 'l1'));
    await s().change(answerChanges.setLevel('A1', 'l4'));
    await s().undo();
    expect((await getScan(scan.id))?.answers.A1).toEqual({ level: 'l1' });
    await s().undo();
    expect((await getScan(scan.id))?.answers.A1).toBeUndefined();
    await s().redo();
    expect((await getScan(scan.id))?.answers.A1).toEqual({ level: 'l1' });
  });

  it('keeps an undo step for each change made before the previous one was stored', async () => {
    const scan = await freshScan();
    const s = useScanEditor.getState;
    // A level and then a note, the second made while the first is still being written (a fast
    // user on a slow tablet): undo must take back the note first, then the level.
    const first = s().change(answerChanges.setLevel('B1', 'l2'));
    const second = s().change(answerChanges.setNote('B1', 'Gerecycled beton'), { coalesceKey: 'note:B1' });
    await Promise.all([first, second]);
    expect(s().undoStack).toHaveLength(2);
    await s().undo();
    expect((await getScan(scan.id))?.answers.B1).toEqual({ level: 'l2' });
    await s().undo();
    expect((await getScan(scan.id))?.answers.B1).toBeUndefined();
    await s().redo();
    expect((await getScan(scan.id))?.answers.B1).toEqual({ level: 'l2' });
  });

  it('merges typing in one note into one undo step and keeps the level', async () => {
    const scan = await freshScan();
    const s = useScanEditor.getState;
    await s().change(answerChanges.setLevel('C1', 'l2'));
    for (const text of ['G', 'Ge', 'Ges', 'Geschroefd']) await s().change(answerChanges.setNote('C1', text), { coalesceKey: 'note:C1' });
    expect((await getScan(scan.id))?.answers.C1).toEqual({ level: 'l2', note: 'Geschroefd' });
    await s().undo();
    expect((await getScan(scan.id))?.answers.C1).toEqual({ level: 'l2' });
  });

  it('marks not applicable and back without losing the note', async () => {
    await freshScan();
    const s = useScanEditor.getState;
    await s().change(answerChanges.setNote('A2', 'leeg kavel'));
    await s().change(answerChanges.setNotApplicable('A2', true));
    expect(s().scan?.answers.A2).toEqual({ notApplicable: true, note: 'leeg kavel' });
    await s().change(answerChanges.setNotApplicable('A2', false));
    expect(s().scan?.answers.A2).toEqual({ note: 'leeg kavel' });
  });
});

describe('scan editor when the disk is full', () => {
  beforeEach(() => useScanEditor.getState().unload());

  it('keeps the last stored answer on screen and says the change was not saved', async () => {
    const scan = await freshScan();
    const s = useScanEditor.getState;
    await s().change(answerChanges.setLevel('A1', 'l2'));
    const put = db.scans.put.bind(db.scans);
    db.scans.put = (() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))) as unknown as typeof db.scans.put;
    try {
      await s().change(answerChanges.setLevel('A1', 'l4'));
      expect(s().saveError).toMatch(/quota/i);
      expect(s().scan?.answers.A1).toEqual({ level: 'l2' });
      expect((await getScan(scan.id))?.answers.A1).toEqual({ level: 'l2' });
    } finally {
      db.scans.put = put;
    }
    // Once there is room again, the next change is stored and the message goes away.
    await s().change(answerChanges.setLevel('A1', 'l3'));
    expect(s().saveError).toBeNull();
    expect((await getScan(scan.id))?.answers.A1).toEqual({ level: 'l3' });
  });
});

describe('a scan whose stored record cannot be read', () => {
  beforeEach(() => useScanEditor.getState().unload());

  it('is not opened; the problems come back as codes with their place (the screen words them), and the record stays as it was', async () => {
    const scan = await freshScan();
    useScanEditor.getState().unload();
    const broken = { ...(await db.scans.get(scan.id))!, answers: { A1: { level: 5 } } };
    await db.scans.put(broken as never);
    await useScanEditor.getState().load(scan.id);
    const { scan: opened, loadError } = useScanEditor.getState();
    expect(opened).toBeNull();
    expect(loadError).toMatchObject({ problems: [{ path: 'answers.A1.level', code: 'wrong-type' }] });
    expect(fieldErrorsText((loadError as { problems: FieldError[] }).problems, 'nl')).toMatch(/^answers\.A1\.level: /);
    expect(await db.scans.get(scan.id)).toEqual(broken);
  });
});
