// Lint: typescript-eslint's recommended rules, plus the import table of DESIGN.md —
// the pure folders must run anywhere, so they may not reach for the DOM, Pixi or Node built-ins.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Folders that must stay free of DOM, Pixi and Node (DESIGN.md, "Layout"). */
export const PURE_FOLDERS = ['core', 'hazard', 'scenario', 'scoring', 'review', 'protocol'];

const notPure = [
  { group: ['node:*'], message: 'src/{core,hazard,scenario,scoring,review,protocol} must run in the browser and in Node: no node: built-ins (DESIGN.md, Layout).' },
  { group: ['pixi.js', 'pixi.js/*', '@pixi/*'], message: 'Only src/app/map may import pixi.js (DESIGN.md, Layout).' },
  { group: ['lit-html', 'lit-html/*', 'zustand', 'zustand/*', '@testing-library/*', 'happy-dom'], message: 'DOM-only modules belong in src/app (DESIGN.md, Layout).' },
  { group: ['**/app/**', '**/cli/**', '**/server/**'], message: 'The pure core may not import the app, the CLI or the server (DESIGN.md, Layout).' },
];
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'url', 'crypto', 'http', 'https', 'net', 'worker_threads', 'process'];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'public', 'test-results', 'test/fixtures/lint'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: PURE_FOLDERS.map((f) => `src/${f}/**/*.ts`),
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', { paths: nodeBuiltins.map((name) => ({ name, message: notPure[0].message })), patterns: notPure }],
      'no-restricted-globals': ['error',
        ...['window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'require', '__dirname'].map((name) => ({ name, message: `${name} is not available everywhere the core runs (DESIGN.md, Layout).` })),
      ],
    },
  },
  {
    // Pixi cannot start outside a browser with WebGL: only the map layer may load it.
    files: ['src/app/**/*.ts'],
    ignores: ['src/app/map/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['pixi.js', 'pixi.js/*'], message: 'Only src/app/map draws with pixi.js (DESIGN.md, Layout); views get a map through its mount hook.' }] }],
    },
  },
  {
    files: ['src/hazard/**/*.ts'],
    rules: {
      // Only its own files (./x.ts): no package, no built-in, no other folder.
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\./(?!.*\\.\\.))', message: 'src/hazard imports nothing but its own files (DESIGN.md, Layout).' }] }],
    },
  },
);
