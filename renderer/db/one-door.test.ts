import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint rule that keeps renderer/db/ the only door to stored data (eslint.config.js). */
const eslint = new ESLint({ cwd: process.cwd() });
const ruleErrors = async (code: string, filePath: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
};

describe('one door to stored data', () => {
  it('the lint rule fails on a component that imports Dexie, its hooks or the database instance', async () => {
    const planted = [
      "import Dexie from 'dexie';",
      "import { useLiveQuery } from 'dexie-react-hooks';",
      "import { db } from '../db/db';",
      'export const planted = [Dexie, useLiveQuery, db];',
    ].join('\n');
    const errors = await ruleErrors(planted, 'renderer/components/Planted.tsx');
    expect(errors).toHaveLength(3);
    expect(errors.every((m) => m.includes('renderer/db/'))).toBe(true);
  });

  it('the lint rule also guards the other layers and test files (tests may open the instance, never Dexie)', async () => {
    expect(await ruleErrors("import Dexie from 'dexie';\nexport const d = Dexie;", 'report/planted.ts')).toHaveLength(1);
    expect(await ruleErrors("import Dexie from 'dexie';\nexport const d = Dexie;", 'renderer/screens/planted.test.ts')).toHaveLength(1);
    expect(await ruleErrors("import { db } from '../db/db';\nexport const d = db;", 'renderer/screens/planted.test.ts')).toHaveLength(0);
  });

  it('the data layer itself may use Dexie', async () => {
    expect(await ruleErrors("import Dexie from 'dexie';\nexport const d = Dexie;", 'renderer/db/planted.ts')).toHaveLength(0);
  });

  it('no source file outside renderer/db/ imports Dexie or dexie-react-hooks', () => {
    const files = execFileSync('git', ['ls-files', '*.ts', '*.tsx', '*.mjs', '*.js'], { encoding: 'utf8' }).split('\n').filter(Boolean);
    const offenders = files.filter((f) => !f.startsWith('renderer/db/') && /from\s+['"]dexie(?:-react-hooks)?['"]|import\(\s*['"]dexie/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
