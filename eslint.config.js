// Lint rules, chief among them the layering of docs/architecture.md: which folder may import what.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import importX from 'eslint-plugin-import-x'
import moduleBoundaries from './eslint-rules/module-boundaries.js'

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

/** Changes reach main only through useAction (lib/use-action.ts), the one guard against double submission. */
const INVOKE_ONLY_IN_LIB = {
  group: ['**/lib/api'],
  importNames: ['invoke'],
  message: 'Change data through useAction (lib/use-action.ts), the one guard against double submission; read with call, fetchData or useData.',
}

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
  {
    // Module boundaries and no import cycles, in every layer (docs/architecture.md, "Shape").
    files: ['**/*.{ts,tsx}'],
    plugins: { local: { rules: { 'module-boundaries': moduleBoundaries } }, 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
    },
    rules: {
      'local/module-boundaries': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'max-lines': ['warn', { max: 250, skipBlankLines: true, skipComments: true }],
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
  layer(['electron/main/web/**/*.ts', 'electron/main/ipc/dispatch.ts'],
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
  // Renderer boundaries (docs/architecture.md, "Renderer"); tested in tests/integration/lint-renderer.test.ts.
  // They use typescript-eslint's copy of no-restricted-imports: flat config replaces a rule's options
  // per file, so a second `no-restricted-imports` here would drop the renderer layer rule above.
  {
    files: ['renderer/src/components/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{
        // The renderer's modules, the shell and the composition root; shared/modules (domain types) stays allowed.
        group: ['**/modules', '**/modules/**', '!**/shared/modules', '!**/shared/modules/**', '**/shell', '**/shell/**', '**/app'],
        message: 'components/ is generic UI and never imports a module, the shell or app.tsx: compose in shell/ or app.tsx, or move the generic part into components/.',
      }, INVOKE_ONLY_IN_LIB] }],
    },
  },
  {
    files: ['renderer/src/modules/**/*.{ts,tsx}'],
    ignores: ['renderer/src/modules/*/index.ts'], // the entry re-exports its pages for app.tsx
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [
        {
          regex: '^\\.\\./[^./][^/]*/(?:[^/]+/)*[^/]*-pages?(?:\\.[jt]sx?)?$', // ../offers/offer-page
          message: "Another module's pages are imported only by app.tsx. Shared helpers live in the owning module's non-page files (exported by its index.ts) or in components/.",
        },
        {
          regex: '^\\.\\./[^./][^/]*(?:/index(?:\\.[jt]sx?)?)?$', // ../offers (its index.ts)
          importNamePattern: 'Page$',
          message: 'Pages are for app.tsx only, not for other modules.',
        },
        {
          regex: '^\\./(?:[^/]+/)*[^/]*-pages?(?:\\.[jt]sx?)?$', // ./offer-page
          message: 'A page never imports another page: move what both need into a non-page file of the module.',
        },
        INVOKE_ONLY_IN_LIB,
      ] }],
    },
  },
)
