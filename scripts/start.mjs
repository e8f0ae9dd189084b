// `npm start`: the desktop app where the Electron binary exists, otherwise web mode on 127.0.0.1.
// Builds first when the sources are newer than the last build. Extra arguments (e.g. --db file) pass through.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronBinary } from './electron-binary.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full))
    else newest = Math.max(newest, statSync(full).mtimeMs)
  }
  return newest
}

function buildIfNeeded() {
  const outputs = ['out/main/index.js', 'out/main/web.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((f) => path.join(root, f))
  const built = outputs.every((f) => existsSync(f)) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0
  const sources = Math.max(...['electron', 'renderer', 'shared', 'db'].map((d) => newestMtime(path.join(root, d))), statSync(path.join(root, 'electron.vite.config.ts')).mtimeMs)
  if (built > sources) return
  console.log('[kundenreise] building …')
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

buildIfNeeded()
const binary = electronBinary()
const child = binary && !process.env.KUNDENREISE_WEB
  ? spawn(binary, [root, ...args], { stdio: 'inherit' })
  : spawn(process.execPath, [path.join(root, 'out/main/web.js'), ...args], { stdio: 'inherit' })
if (!binary) console.log('[kundenreise] Electron binary not found: starting web mode.')
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
