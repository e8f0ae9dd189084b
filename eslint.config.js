// Lint rules, chief among them the layering of ARCHITECTURE.md: which folder may import what.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

/** Our top-level folders, reached by relative paths (`../../db/database`). */
const ours = (name) => [`**/${name}/**`]
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url']

/** One restriction block per layer; `message` tells the reader where the code belongs instead. */
const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
  },
})

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  layer(['shared/**/*.ts'], [...nodeBuiltins, 'electron', 'react', 'react-dom', 'kysely', 'sqlite3',
    ...ours('db'), ...ours('electron'), ...ours('renderer'), ...ours('server')],
    'shared/ is pure code for main and renderer: no Node, Electron, React, database or app-layer imports.'),
  layer(['db/**/*.ts'], ['electron', 'react', ...ours('electron'), ...ours('renderer'), ...ours('server')],
    'db/ may import only shared/.'),
  layer(['electron/main/**/*.ts'], ['react', ...ours('renderer'), ...ours('server')],
    'The main process must not import renderer or server code.'),
  layer(['electron/main/modules/**/*.ts', 'electron/main/platform/**/*.ts'], ['electron', 'react', ...ours('renderer'), ...ours('server'), '**/web/**', '**/ipc/dispatch', '**/ipc/electron-ipc'],
    'Modules and the platform are plain Node: no electron, no transport code (web/, the dispatcher), no renderer.'),
  layer(['electron/main/web/**/*.ts', 'electron/main/ipc/dispatch.ts', 'electron/main/ipc/handlers.ts'],
    ['electron', 'react', ...ours('renderer'), ...ours('server')],
    'Web mode and the transport-neutral dispatcher must run without the Electron binary.'),
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{
        regex: '^(?!electron$|(\\.\\./)+shared/ipc/channels$)',
        message: 'The preload may import only electron and shared/ipc/channels.',
      }] }],
    },
  },
  layer(['renderer/**/*.{ts,tsx}'], [...nodeBuiltins, 'electron', 'kysely', 'sqlite3',
    ...ours('db'), ...ours('electron'), ...ours('server')],
    'The renderer talks to main only through lib/api.ts and the shared contract.'),
  layer(['server/**/*.ts'], ['electron', 'react', ...ours('renderer'), ...ours('electron')],
    'The sync server runs without Electron and the UI.'),
)
