// Builds the three Electron parts plus the web-mode server (a second main entry that never loads Electron).
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

/** Where the build goes: `out/` unless KUNDENREISE_OUT names another folder (parallel builds while developing). */
const OUT = resolve(__dirname, process.env.KUNDENREISE_OUT ?? 'out')

export default defineConfig({
  main: {
    build: {
      outDir: resolve(OUT, 'main'),
      // Bundled rather than loaded from node_modules at start: these are read before the first window, and Node
      // resolving and compiling their hundreds of small files cost more than one bundled file (docs/architecture.md).
      externalizeDeps: { exclude: ['kysely', 'zod'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          web: resolve(__dirname, 'electron/main/web/entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(OUT, 'preload'),
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      outDir: resolve(OUT, 'renderer'),
      // electron-vite leaves the renderer unminified by default: minified, the start page's script is about 40 % smaller
      // (4.6 MB to 2.7 MB), which the window downloads and parses before it shows anything.
      minify: 'esbuild',
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    plugins: [react()],
  },
})
