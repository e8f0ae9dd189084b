// The laptop's side of /files/v1 on the sync server (docs/files.md): is a blob there, upload one, fetch one.
// The server checks the hash on arrival; the laptop checks it again on every download.
import { sha256Of } from './blob-store'

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

export interface BlobSession {
  serverUrl: string
  token: string
  fetch: FetchLike
}

export class BlobTransferError extends Error {
  constructor(readonly status: number, message: string) {
    super(message)
    this.name = 'BlobTransferError'
  }
}

const url = (s: BlobSession, sha256: string) => `${s.serverUrl.replace(/\/+$/, '')}/files/v1/${sha256}`
const auth = (s: BlobSession) => ({ authorization: `Bearer ${s.token}` })

async function send(s: BlobSession, sha256: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  try {
    return await s.fetch(url(s, sha256), { ...init, signal: AbortSignal.timeout(timeoutMs) })
  } catch (err) {
    throw new BlobTransferError(0, `offline: ${(err as Error)?.name ?? 'error'}`)
  }
}

export async function serverHasBlob(s: BlobSession, sha256: string): Promise<boolean> {
  const response = await send(s, sha256, { method: 'HEAD', headers: auth(s) }, 30_000)
  if (response.status === 404) return false
  if (!response.ok) throw new BlobTransferError(response.status, `HEAD ${response.status}`)
  return true
}

/** Uploads a blob; throws BlobTransferError with the server's status when it is refused. */
export async function uploadBlob(s: BlobSession, sha256: string, bytes: Uint8Array): Promise<void> {
  const response = await send(s, sha256, { method: 'PUT', headers: { ...auth(s), 'content-type': 'application/octet-stream', 'x-blob-size': String(bytes.byteLength) }, body: bytes as BodyInit }, 10 * 60_000)
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null
    throw new BlobTransferError(response.status, body?.message ?? `PUT ${response.status}`)
  }
  await response.body?.cancel().catch(() => {})
}

/** The blob's bytes when the server has them for this user and they hash to `sha256`; null otherwise. */
export async function downloadBlob(s: BlobSession, sha256: string): Promise<Uint8Array | null> {
  const response = await send(s, sha256, { method: 'GET', headers: auth(s) }, 10 * 60_000)
  if (response.status === 404) return null
  if (!response.ok) throw new BlobTransferError(response.status, `GET ${response.status}`)
  const bytes = new Uint8Array(await response.arrayBuffer())
  return sha256Of(bytes) === sha256 ? bytes : null
}
