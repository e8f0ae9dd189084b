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
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    plugins: [react()],
  },
})
