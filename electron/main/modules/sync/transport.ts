// The client's side of the wire: typed requests to the sync server, errors as codes.
import { PROTOCOL_PREFIX, type ChecksumResponse, type LoginRequest, type LoginResponse, type PullResponse, type PushRequest, type PushResponse, type SyncErrorBody, type SyncErrorCode } from '../../../../shared/modules/sync/protocol'

export type TransportErrorCode = SyncErrorCode | 'offline' | 'timeout' | 'bad_response'

export class SyncTransportError extends Error {
  constructor(
    readonly code: TransportErrorCode,
    readonly status: number,
    readonly body?: SyncErrorBody,
  ) {
    super(`${code}${body?.message ? `: ${body.message}` : ''}`)
    this.name = 'SyncTransportError'
  }
  /** Worth retrying later (the network, the server's health); the rest needs a person. */
  get transient(): boolean {
    return this.code === 'offline' || this.code === 'timeout' || this.code === 'internal' || this.code === 'rate_limited' || this.code === 'bad_response'
  }
}

export interface SyncTransport {
  login(request: LoginRequest): Promise<LoginResponse>
  logout(token: string): Promise<void>
  push(token: string, schemaVersion: number, request: PushRequest): Promise<PushResponse>
  /** A session for a new client id of the same login (a restored or copied laptop). */
  rebind(token: string, schemaVersion: number, newClientId: string): Promise<{ token: string }>
  pull(token: string, schemaVersion: number, query: { clientId: string; cursor: number; limit: number; bootstrap: boolean; withRemaining: boolean; scope?: string }): Promise<PullResponse>
  checksum(token: string, schemaVersion: number, clientId: string): Promise<ChecksumResponse>
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

export function normaliseServerUrl(url: string): string {
  const parsed = new URL(url.trim())
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new TypeError('http or https only')
  return parsed.origin + parsed.pathname.replace(/\/+$/, '')
}

export function httpTransport(serverUrl: string, fetchImpl: FetchLike = fetch, timeoutMs = 60_000): SyncTransport {
  const base = normaliseServerUrl(serverUrl)
  async function call<T>(path: string, init: RequestInit): Promise<T> {
    let response: Response | null = null
    // A connection kept alive from before a server restart fails on first use: every request here is
    // idempotent (pushes by their operation ids), so one that failed on the network is sent again at once.
    for (let attempt = 0; !response; attempt++) {
      try {
        response = await fetchImpl(base + path, { ...init, signal: AbortSignal.timeout(timeoutMs) })
      } catch (err) {
        const name = (err as Error)?.name
        const timedOut = name === 'TimeoutError' || name === 'AbortError'
        if (timedOut || attempt >= 1) throw new SyncTransportError(timedOut ? 'timeout' : 'offline', 0)
      }
    }
    let body: unknown
    try {
      body = await response.json()
    } catch {
      throw new SyncTransportError(response.ok ? 'bad_response' : 'internal', response.status)
    }
    if (!response.ok) {
      const error = body as SyncErrorBody
      throw new SyncTransportError(typeof error?.error === 'string' ? error.error : 'internal', response.status, error)
    }
    return body as T
  }
  const headers = (token: string, schemaVersion: number) => ({ authorization: `Bearer ${token}`, 'x-kundenreise-schema': String(schemaVersion), 'content-type': 'application/json' })
  return {
    login: (request) => call('/auth/v1/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) }),
    logout: async (token) => void (await call('/auth/v1/logout', { method: 'POST', headers: { authorization: `Bearer ${token}` } })),
    push: (token, schemaVersion, request) => call(`${PROTOCOL_PREFIX}/push`, { method: 'POST', headers: headers(token, schemaVersion), body: JSON.stringify(request) }),
    checksum: (token, schemaVersion, clientId) => call(`${PROTOCOL_PREFIX}/checksum?${new URLSearchParams({ clientId })}`, { method: 'GET', headers: headers(token, schemaVersion) }),
    rebind: (token, schemaVersion, newClientId) => call(`${PROTOCOL_PREFIX}/rebind`, { method: 'POST', headers: headers(token, schemaVersion), body: JSON.stringify({ newClientId }) }),
    pull: (token, schemaVersion, q) => {
      const params = new URLSearchParams({ clientId: q.clientId, cursor: String(q.cursor), limit: String(q.limit) })
      if (q.withRemaining) params.set('withRemaining', '1')
      if (q.scope) params.set('scope', q.scope)
      return call(`${PROTOCOL_PREFIX}/${q.bootstrap ? 'bootstrap' : 'pull'}?${params}`, { method: 'GET', headers: headers(token, schemaVersion) })
    },
  }
}
