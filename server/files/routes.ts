// The file endpoints of the sync server (docs/files.md): PUT, GET and HEAD /files/v1/<sha256>. A blob is
// reachable only for a user whose scopes hold a live `attachments` row naming it — anyone else gets 404, the
// same answer as for a hash the server never saw. An upload is streamed into chunks, hashed on arrival and
// marked complete only when the bytes match the hash; every refusal is logged without personal data.
import { createHash } from 'node:crypto'
import type { Context, Hono } from 'hono'
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_TEAM_QUOTA_BYTES, isSha256, sniffFile } from '../../shared/modules/files'
import type { SyncErrorBody, SyncErrorCode } from '../../shared/modules/sync'
import { actorForToken, type Actor } from '../auth/sessions'
import type { Store } from '../store/open-store'
import { visibleScopes } from '../sync/scope'
import { CHUNK_BYTES, type BlobStore } from './blob-store'

export const FILES_PREFIX = '/files/v1'

export interface FileLimits {
  /** Per file (MAX_FILE_BYTES; 25 MB). */
  maxFileBytes: number
  /** Per team: the complete blobs its attachments name (TEAM_QUOTA_BYTES; 5 GB). */
  teamQuotaBytes: number
}

export const DEFAULT_FILE_LIMITS: FileLimits = { maxFileBytes: DEFAULT_MAX_FILE_BYTES, teamQuotaBytes: DEFAULT_TEAM_QUOTA_BYTES }

type Env = { Variables: { actor: Actor } }
type Refusal = 400 | 401 | 404 | 413

const shaKey = (sha256: string) => `%"sha256":"${sha256}"%`

/** Live attachment rows naming the blob that the user may see: their scopes and names. */
async function visibleRefs(store: Store, actor: Actor, sha256: string): Promise<Array<{ scope: string; name: string }>> {
  const scopes = visibleScopes(actor)
  let q = store.db.selectFrom('sync_rows').select(['scope_id', 'data']).where('table_name', '=', 'attachments').where('deleted', '=', 0).where('data', 'like', shaKey(sha256))
  if (scopes) q = q.where('scope_id', 'in', scopes)
  const rows = await q.execute()
  return rows.map((r) => ({ scope: r.scope_id, data: JSON.parse(r.data) as { sha256?: string; name?: string } }))
    .filter((r) => r.data.sha256 === sha256).map((r) => ({ scope: r.scope, name: String(r.data.name ?? '') }))
}

/** Bytes the scopes' other files take on the server (each blob counted once). */
async function usedBytes(store: Store, blobs: BlobStore, scopes: string[], except: string): Promise<number> {
  const rows = await store.db.selectFrom('sync_rows').select('data').where('table_name', '=', 'attachments').where('deleted', '=', 0).where('scope_id', 'in', scopes).execute()
  const shas = new Set(rows.map((r) => (JSON.parse(r.data) as { sha256?: string }).sha256).filter((s): s is string => isSha256(s) && s !== except))
  return blobs.sizeOf([...shas])
}

export function mountFileRoutes(app: Hono<Env>, options: { store: Store; blobs: BlobStore; clock: () => Date; limits?: Partial<FileLimits> }): void {
  const { store, blobs, clock } = options
  const limits: FileLimits = {
    maxFileBytes: options.limits?.maxFileBytes ?? DEFAULT_FILE_LIMITS.maxFileBytes,
    teamQuotaBytes: options.limits?.teamQuotaBytes ?? DEFAULT_FILE_LIMITS.teamQuotaBytes,
  }

  const refuse = (c: Context, status: Refusal, error: SyncErrorCode, reason: string, message: string) => {
    // No personal data: the reason, the hash's start and the user id. A HEAD that finds nothing is a question, not a refusal.
    if (c.req.method !== 'HEAD') console.warn(`[files] refused ${c.req.method} ${status} ${reason} sha=${c.req.path.slice(FILES_PREFIX.length + 1, FILES_PREFIX.length + 13).replace(/[^0-9a-f]/g, '?')} user=${c.get('actor')?.userId ?? '-'}`)
    return c.json({ error, message } satisfies SyncErrorBody, status)
  }

  app.use(`${FILES_PREFIX}/*`, async (c, next) => {
    const token = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(c.req.header('authorization') ?? '')?.[1]
    const actor = token ? await actorForToken(store.db, token, clock()) : null
    if (!actor) return refuse(c, 401, 'unauthenticated', 'unauthenticated', 'login required')
    c.set('actor', actor)
    if (!isSha256(c.req.path.slice(FILES_PREFIX.length + 1))) return refuse(c, 400, 'bad_request', 'bad_hash', 'the path must be a sha256 in hex')
    await next()
  })

  const serve = (withBody: boolean) => async (c: Context<Env>) => {
    const sha256 = c.req.param('sha256')!
    const info = await blobs.info(sha256)
    if (!info?.complete || (await visibleRefs(store, c.get('actor'), sha256)).length === 0) return refuse(c, 404, 'not_found', 'not_visible', 'no such file')
    const headers = { 'content-type': 'application/octet-stream', 'content-length': String(info.size), 'x-content-sha256': sha256, 'cache-control': 'no-store' }
    if (!withBody) return c.body(null, 200, headers)
    const chunks = await blobs.read(sha256)
    if (!chunks) return refuse(c, 404, 'not_found', 'not_complete', 'no such file')
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        for await (const chunk of chunks) controller.enqueue(new Uint8Array(chunk))
        controller.close()
      },
    })
    return c.body(stream, 200, headers)
  }
  app.get(`${FILES_PREFIX}/:sha256`, serve(true))
  app.on('HEAD', `${FILES_PREFIX}/:sha256`, serve(false))

  app.put(`${FILES_PREFIX}/:sha256`, async (c) => {
    const sha256 = c.req.param('sha256')
    const actor = c.get('actor')
    const size = Number(c.req.header('x-blob-size') ?? c.req.header('content-length'))
    if (!Number.isSafeInteger(size) || size < 0) return refuse(c, 400, 'bad_request', 'no_length', 'x-blob-size (or content-length) is required')
    if (size === 0) return refuse(c, 400, 'bad_request', 'empty', 'the file is empty')
    if (size > limits.maxFileBytes) return refuse(c, 413, 'too_large', 'file_limit', `the file is over ${limits.maxFileBytes} bytes`)
    const refs = await visibleRefs(store, actor, sha256)
    if (refs.length === 0) return refuse(c, 404, 'not_found', 'no_attachment', 'no attachment names this file')
    if ((await blobs.info(sha256))?.complete) return c.json({ ok: true, stored: false })
    const scopes = [...new Set(refs.map((r) => r.scope))]
    if ((await usedBytes(store, blobs, scopes, sha256)) + size > limits.teamQuotaBytes) return refuse(c, 413, 'too_large', 'team_quota', 'the team has no room left for files')
    const body = c.req.raw.body
    if (!body) return refuse(c, 400, 'bad_request', 'no_body', 'the file is missing')

    const uploadId = await blobs.begin(sha256, size)
    const hash = createHash('sha256')
    let received = 0
    let index = 0
    let pending: Buffer[] = []
    let pendingBytes = 0
    let sniffed = false
    const flush = async () => {
      const chunk = Buffer.concat(pending)
      pending = []
      pendingBytes = 0
      if (!sniffed) {
        sniffed = true
        const type = await sniffFile(chunk, refs[0]!.name)
        if (!type.ok) return type.reason
      }
      await blobs.writeChunk(sha256, uploadId, index++, chunk)
      return null
    }
    let problem: string | null = null
    try {
      for await (const part of body as unknown as AsyncIterable<Uint8Array>) {
        received += part.byteLength
        if (received > size) {
          problem = 'too_long'
          break
        }
        hash.update(part)
        pending.push(Buffer.from(part))
        pendingBytes += part.byteLength
        if (pendingBytes >= CHUNK_BYTES && (problem = await flush())) break
      }
      if (!problem && pendingBytes > 0) problem = await flush()
    } catch (err) {
      await blobs.abort(sha256, uploadId).catch(() => {})
      throw err
    }
    if (!problem && (received !== size || hash.digest('hex') !== sha256)) problem = 'hash_mismatch'
    if (problem) {
      await blobs.abort(sha256, uploadId)
      return refuse(c, 400, 'bad_request', problem, problem === 'hash_mismatch' ? 'the bytes do not match the sha256: nothing stored' : `file refused (${problem}): nothing stored`)
    }
    await blobs.complete(sha256, uploadId)
    return c.json({ ok: true, stored: true }, 201)
  })
}
