// The real sync server as a child process (`tsx server/main.ts`), for fault injection and the
// two-laptop end-to-end test. Accounts are created on its store before it starts.
import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { createTeam, createUser } from '../../server/admin/accounts'
import { openStore } from '../../server/store/open-store'
import type { Role } from '../../shared/modules/sync/tables'
import { tempDir } from './temp-db'

export const SERVER_PASSWORD = 'Geheim-Passwort-2026'

export interface ServerProcess {
  url: string
  storeUrl: string
  /** Starts it again on the same store and port (after stop or kill). */
  start(): Promise<void>
  stop(): Promise<void>
  /** kill -9: no chance to finish anything. */
  kill9(): Promise<void>
  exited(): Promise<number | null>
  cleanup(): Promise<void>
  /** The running server's process id (benches read its CPU time). */
  pid(): number | undefined
}

export async function seedAccounts(storeUrl: string, users: Array<{ login: string; name: string; role: Role; team?: string }>): Promise<void> {
  const store = await openStore(storeUrl)
  try {
    const teams = new Map<string, string>()
    for (const u of users) {
      if (u.team && !teams.has(u.team)) teams.set(u.team, await createTeam(store, u.team))
      await createUser(store, { login: u.login, displayName: u.name, role: u.role, teamId: u.team ? teams.get(u.team) : '', password: SERVER_PASSWORD })
    }
  } finally {
    await store.close()
  }
}

export async function startServerProcess(options: { storeUrl?: string; faults?: boolean; users?: Parameters<typeof seedAccounts>[1]; env?: Record<string, string> } = {}): Promise<ServerProcess> {
  const dir = tempDir()
  const storeUrl = options.storeUrl ?? path.join(dir, 'sync-server.sqlite')
  await seedAccounts(storeUrl, options.users ?? [
    { login: 'anna', name: 'Anna Becker', role: 'field_sales', team: 'Vertrieb Nord' },
    { login: 'ben', name: 'Ben Schulz', role: 'inside_sales', team: 'Vertrieb Nord' },
  ])
  let child: ChildProcess | null = null
  let port = 0
  let exit: Promise<number | null> = Promise.resolve(null)
  const server: ServerProcess = {
    url: '',
    storeUrl,
    async start() {
      const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env: { ...process.env, DATABASE_URL: storeUrl, PORT: String(port), HOST: '127.0.0.1', KUNDENREISE_SERVER_FAULTS: options.faults ? '1' : '', ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      child = proc
      exit = new Promise((resolve) => proc.once('exit', (code) => resolve(code)))
      let stderr = ''
      proc.stderr?.on('data', (c: Buffer) => (stderr += c.toString()))
      server.url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`sync server did not start: ${stderr}`)), 30_000)
        proc.stdout?.on('data', (c: Buffer) => {
          const match = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(c.toString())
          if (match) {
            clearTimeout(timer)
            port = Number(match[2])
            resolve(match[1]!)
          }
        })
        proc.once('exit', (code) => reject(new Error(`sync server exited with ${code}: ${stderr}`)))
      })
    },
    async stop() {
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await exit
      }
    },
    async kill9() {
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL')
        await exit
      }
    },
    exited: () => exit,
    pid: () => child?.pid,
    async cleanup() {
      await server.kill9()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  await server.start()
  return server
}
