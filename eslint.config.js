import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Pure modules must stay portable: they run in the app, the CLI and the verifier alike. */
const pureModuleRestriction = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: ['react', 'react-*', 'react/*', 'react-dom', 'react-dom/*'], message: 'forms/ and scoring/ are pure: no React.' },
        { group: ['electron', 'electron/*'], message: 'forms/ and scoring/ are pure: no Electron.' },
        { group: ['dexie', 'dexie-*'], message: 'forms/ and scoring/ are pure: no Dexie.' },
        { group: ['jspdf', 'jspdf/*'], message: 'forms/ and scoring/ are pure: no jsPDF.' },
        { group: ['zustand', 'zustand/*'], message: 'forms/ and scoring/ are pure: no UI state.' },
        { group: ['**/renderer/**', '**/electron/**', '**/report/**'], message: 'forms/ and scoring/ may not depend on the app layers.' },
        { group: ['node:*', 'fs', 'path', 'os', 'crypto'], message: 'forms/ and scoring/ must run in the browser too: no Node built-ins.' },
      ],
    },
  ],
};

/**
 * One door to stored data: only renderer/db/ imports Dexie (and its React hooks) or the database
 * instance; everything else calls the functions and hooks of renderer/db/ (see its README).
 * Tests may open the database instance to plant and inspect raw records, never Dexie itself.
 */
const dexieImports = [
  { group: ['dexie', 'dexie/*', 'dexie-*'], message: 'Only renderer/db/ imports Dexie: call a function or hook of renderer/db/ (renderer/db/README.md).' },
];
const dbInstanceImports = [
  { group: ['**/db/db', '**/db/db.ts'], message: 'The database instance stays inside renderer/db/: call a function or hook of renderer/db/ (renderer/db/README.md).' },
];
const oneDoorRestriction = { 'no-restricted-imports': ['error', { patterns: [...dexieImports, ...dbInstanceImports] }] };
const oneDoorRestrictionForTests = { 'no-restricted-imports': ['error', { patterns: dexieImports }] };
const oneDoorFiles = ['renderer/**/*.{ts,tsx}', 'electron/**/*.ts', 'cli/**/*.ts', 'report/**/*.ts', 'scripts/**/*.{ts,mjs,js}', 'test/**/*.{ts,tsx}', 'bin/**/*.mjs'];
const oneDoorTestFiles = ['**/*.test.{ts,tsx}', 'renderer/files/test-support.ts', 'test/**/*.{ts,tsx}'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**', 'forms/*.schema.json', 'report/frozen/layout1.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['forms/**/*.ts', 'scoring/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: pureModuleRestriction,
  },
  {
    files: oneDoorFiles,
    ignores: ['renderer/db/**', ...oneDoorTestFiles],
    rules: oneDoorRestriction,
  },
  {
    files: oneDoorTestFiles,
    ignores: ['renderer/db/**', 'forms/**', 'scoring/**'],
    rules: oneDoorRestrictionForTests,
  },
);
