// A real HAProxy (Debian's `haproxy` package) in front of several sync server instances, for the
// multi-instance test and the bench: round-robin per request, no sticky sessions, and every answer names
// the instance that served it in `X-Kundenreise-Instance` (the backend server's name: i0, i1, …).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, writeFileSync, rmSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { tempDir } from './temp-db'

export const INSTANCE_HEADER = 'x-kundenreise-instance'

/** Debian installs it in /usr/sbin, which is not on every user's PATH. */
const HAPROXY = existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy'

export function haproxyAvailable(): boolean {
  return spawnSync(HAPROXY, ['-v'], { stdio: 'ignore' }).status === 0
}

export interface LoadBalancer {
  url: string
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => { socket.destroy(); resolve(true) })
    socket.once('error', () => resolve(false))
  })
}

/** Starts HAProxy on a free port in front of `backends` (http://127.0.0.1:port URLs). */
export async function startLoadBalancer(backends: string[]): Promise<LoadBalancer> {
  const dir = tempDir()
  const config = path.join(dir, 'haproxy.cfg')
  for (let attempt = 0; ; attempt++) {
    const port = await freePort()
    writeFileSync(config, [
      'global',
      '  maxconn 4096',
      'defaults',
      '  mode http',
      '  timeout connect 5s',
      '  timeout client 120s',
      '  timeout server 120s',
      'frontend sync',
      `  bind 127.0.0.1:${port}`,
      '  default_backend instances',
      'backend instances',
      // Every request is balanced on its own, also on a kept-alive client connection: no stickiness.
      '  balance roundrobin',
      '  no option prefer-last-server',
      '  http-response set-header X-Kundenreise-Instance %[srv_name]',
      ...backends.map((b, i) => `  server i${i} ${new URL(b).host}`),
      '',
    ].join('\n'))
    const child: ChildProcess = spawn(HAPROXY, ['-db', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()))
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    const deadline = Date.now() + 10_000
    let up = false
    while (!up && child.exitCode === null && Date.now() < deadline) {
      up = await accepts(port)
      if (!up) await new Promise((r) => setTimeout(r, 50))
    }
    if (up) {
      return {
        url: `http://127.0.0.1:${port}`,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) {
            child.kill('SIGTERM')
            await exit
          }
          rmSync(dir, { recursive: true, force: true })
        },
      }
    }
    child.kill('SIGKILL')
    await exit
    // The port was taken between the probe and HAProxy's bind: try another one.
    if (attempt >= 2) throw new Error(`haproxy did not start: ${stderr}`)
  }
}
