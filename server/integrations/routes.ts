// The integration API (docs/erp-facts.md): `/integrations/v1/<kind>`, one endpoint per kind of data a sending
// system posts — ERP facts, leads and service requests (issue 19) — authenticated with an integration
// key (Bearer), each key limited to its kinds. Wrong keys are throttled per address (as wrong calendar feed
// addresses are), every key to a number of posts per minute; a post naming an Idempotency-Key that was
// answered before gets that answer again.
import { createHash } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Context, Hono } from 'hono'
import { resolveClientAddress, type TrustedProxies } from '../auth/client-address'
import type { Actor } from '../auth/sessions'
import type { Store } from '../store/open-store'
import type { ServerDatabase } from '../store/schema'
import { countFeedFailure, DEFAULT_FEED_THROTTLE, feedRetryAfter, type FeedThrottle } from '../calendar/throttle'
import { ERP_POST_MAX_ROWS, erpPostSchema, postErpFacts } from './erp-facts'
import { leadAnswer, postLead } from './leads'
import { postServiceRequest } from './service-requests'
import type { IntakeOptions } from '../intake/requests'
import { INTEGRATION_OPENAPI } from './openapi'
import { integrationKeyFor, type IntegrationKey, type IntegrationKind } from './keys'

export interface IntegrationLimits {
  /** Posts one key may make per window; more are answered 429 until the window is over. */
  postsPerWindow: number
  windowMs: number
  /** Throttling of wrong keys per address. */
  wrongKeys: FeedThrottle
}

export const DEFAULT_INTEGRATION_LIMITS: IntegrationLimits = { postsPerWindow: 60, windowMs: 60_000, wrongKeys: DEFAULT_FEED_THROTTLE }

export interface IntegrationRouteOptions {
  store: Store
  clock: () => Date
  peerAddress?: (c: Context) => string | undefined
  trustedProxies: TrustedProxies
  limits?: Partial<IntegrationLimits>
  /** How the service intake acknowledges (server/intake/). */
  intake: IntakeOptions
}

const WRONG_KEY_COUNTER = '#integration-key'
const POSTS_COUNTER = '#integration-posts'

/** A refusal: answered with its reason, and logged with the path and the reason only (never the body: it holds names and addresses). */
function problem(c: Context, status: 400 | 401 | 403 | 409 | 413 | 422 | 429, error: string, message: string, extra: Record<string, unknown> = {}) {
  console.warn(`[integrations] refused ${c.req.method} ${c.req.path}: ${status} ${error}`)
  return c.json({ error, message, ...extra }, status)
}

/** Counts the key's post in its window; answers the seconds to wait when the window's posts are used up. */
async function takePost(db: Kysely<ServerDatabase>, keyId: string, now: Date, limits: IntegrationLimits): Promise<number> {
  const t = now.getTime()
  const windowStart = t - limits.windowMs
  await db.insertInto('login_throttle').values({ login: POSTS_COUNTER, address: keyId, attempts: 1, last_at: t, last_success_at: null })
    .onConflict((oc) => oc.columns(['login', 'address']).doUpdateSet({
      attempts: sql<number>`case when login_throttle.last_at < ${windowStart} then 1 else login_throttle.attempts + 1 end`,
      // last_at is the window's start: the window is fixed, so a sender that waits is let in again.
      last_at: sql<number>`case when login_throttle.last_at < ${windowStart} then ${t} else login_throttle.last_at end`,
    })).execute()
  const row = await db.selectFrom('login_throttle').select(['attempts', 'last_at']).where('login', '=', POSTS_COUNTER).where('address', '=', keyId).executeTakeFirstOrThrow()
  return Number(row.attempts) > limits.postsPerWindow ? Math.max(1, Math.ceil((Number(row.last_at) + limits.windowMs - t) / 1000)) : 0
}

const fingerprint = (body: string) => createHash('sha256').update(body).digest('hex')

/** Who is posting: the active key presented, or the refusal (401, or 429 for an address guessing keys / a key over its budget). */
async function authenticate(c: Context, options: IntegrationRouteOptions, limits: IntegrationLimits, countNow: boolean): Promise<IntegrationKey | Response> {
  const { store, clock } = options
  const now = clock()
  const address = resolveClientAddress(options.peerAddress?.(c), c.req.header('x-forwarded-for'), options.trustedProxies)
  const presented = /^Bearer (\S{1,200})$/.exec(c.req.header('authorization') ?? '')?.[1]
  const key = presented ? await integrationKeyFor(store.db, presented, now) : null
  if (!key) {
    const wait = await feedRetryAfter(store.db, address, now, limits.wrongKeys, WRONG_KEY_COUNTER)
    if (wait > 0) {
      c.header('Retry-After', String(wait))
      return problem(c, 429, 'rate_limited', 'too many requests with wrong keys, try again later')
    }
    await countFeedFailure(store.db, address, now, limits.wrongKeys, WRONG_KEY_COUNTER)
    return problem(c, 401, 'unauthenticated', 'an integration key is required (Authorization: Bearer kr_…)')
  }
  const wait = countNow ? await takePost(store.db, key.id, now, limits) : 0
  if (wait > 0) return rateLimited(c, wait, limits)
  return key
}

function rateLimited(c: Context, wait: number, limits: IntegrationLimits): Response {
  c.header('Retry-After', String(wait))
  return problem(c, 429, 'rate_limited', `at most ${limits.postsPerWindow} posts per ${limits.windowMs / 1000} s with one key`)
}

/**
 * The post's bookkeeping for an endpoint that writes it in one transaction (leads): counting the post against the
 * key's limit and storing the answer under its Idempotency-Key happen in the write's own transaction, so a post
 * costs one commit (on SQLite one sync to disk) instead of three.
 */
export interface PostBookkeeping {
  /** Counts the post (in `db`, the write's transaction or the store); answers the seconds to wait when over the limit. */
  count(db: Kysely<ServerDatabase>): Promise<number>
  /** Stores the answer under the post's Idempotency-Key, if it named one. */
  remember(db: Kysely<ServerDatabase>, answer: object): Promise<void>
  /** The 429 answer. */
  rateLimited(wait: number): Response
}

type Handle = (c: Context, body: unknown, key: IntegrationKey, post: PostBookkeeping) => Promise<Response>

export function mountIntegrationRoutes(app: Hono<{ Variables: { actor: Actor } }>, options: IntegrationRouteOptions): void {
  const { store, clock } = options
  const limits: IntegrationLimits = { ...DEFAULT_INTEGRATION_LIMITS, ...options.limits }

  /** One kind's endpoint: the key must be allowed it; an Idempotency-Key answered before is answered again. */
  /** `inWrite`: the handler counts the post and stores its answer itself, in its write (PostBookkeeping). */
  const endpoint = (kind: IntegrationKind, handle: Handle, inWrite = false) => async (c: Context) => {
    const key = await authenticate(c, options, limits, !inWrite)
    if (key instanceof Response) return key
    c.header('cache-control', 'no-store')
    if (!key.kinds.includes(kind)) return problem(c, 403, 'forbidden', `this key may not post ${kind}`)
    const text = await c.req.text()
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return problem(c, 400, 'bad_request', 'the body must be JSON')
    }
    const idempotencyKey = c.req.header('idempotency-key')?.trim() ?? ''
    if (idempotencyKey.length > 200) return problem(c, 400, 'bad_request', 'Idempotency-Key: at most 200 characters')
    if (idempotencyKey) {
      const known = await store.db.selectFrom('integration_posts').selectAll().where('key_id', '=', key.id).where('idempotency_key', '=', idempotencyKey).executeTakeFirst()
      if (known && known.fingerprint !== fingerprint(text)) return problem(c, 409, 'idempotency_key_reused', 'this Idempotency-Key was used for another body')
      if (known) return c.json({ ...(JSON.parse(known.result) as object), replayed: true }, 200)
    }
    const post: PostBookkeeping = {
      count: (db) => takePost(db, key.id, clock(), limits),
      remember: async (db, answer) => {
        if (!idempotencyKey) return
        await db.insertInto('integration_posts').values({
          key_id: key.id, idempotency_key: idempotencyKey, kind, fingerprint: fingerprint(text), status: 200, result: JSON.stringify(answer), created_at: clock().toISOString(),
        }).onConflict((oc) => oc.columns(['key_id', 'idempotency_key']).doNothing()).execute()
      },
      rateLimited: (wait) => rateLimited(c, wait, limits),
    }
    const response = await handle(c, body, key, post)
    if (!inWrite && idempotencyKey && response.status === 200) {
      await store.db.insertInto('integration_posts').values({
        key_id: key.id, idempotency_key: idempotencyKey, kind, fingerprint: fingerprint(text), status: response.status, result: await response.clone().text(), created_at: clock().toISOString(),
      }).onConflict((oc) => oc.columns(['key_id', 'idempotency_key']).doNothing()).execute()
    }
    return response
  }

  // The description of this family (server/integrations/openapi.ts): public, like any API's documentation.
  app.get('/integrations/v1/openapi.json', (c) => c.json(INTEGRATION_OPENAPI))

  app.post('/integrations/v1/erp-facts', endpoint('erp_facts', async (c, body, key) => {
    const parsed = erpPostSchema.safeParse(body)
    if (!parsed.success) return problem(c, 400, 'bad_request', 'the body must be { "rows": [ … ] } with at least one row')
    if (parsed.data.rows.length > ERP_POST_MAX_ROWS) return problem(c, 413, 'too_large', `at most ${ERP_POST_MAX_ROWS} rows per post`)
    const outcome = await postErpFacts(store, key, parsed.data.rows, clock())
    if (!outcome.ok) return problem(c, 422, 'invalid_rows', `${outcome.problems.length} row problem(s): nothing was written`, { rows: outcome.problems.slice(0, 1000) })
    const { ok: _ok, ...counts } = outcome
    return c.json(counts, 200)
  }))

  // One lead per post (docs/leads.md); a second post with the same sender's id creates nothing (`created: false`)
  // and updates the score and scoring history when it brings something new (`updated: true`).
  // The post is counted and its answer remembered in the lead's own transaction (one commit per post).
  app.post('/integrations/v1/leads', endpoint('leads', async (c, body, key, post) => {
    const outcome = await postLead(store, key, body, clock(), post)
    if (!outcome.ok && 'wait' in outcome) return post.rateLimited(outcome.wait)
    if (!outcome.ok) {
      // Refused before any write: still counted against the key's limit.
      const wait = outcome.counted ? 0 : await post.count(store.db)
      if (wait > 0) return post.rateLimited(wait)
      return problem(c, 422, 'invalid_lead', `${outcome.problems.length} problem(s): nothing was written`, { problems: outcome.problems })
    }
    return c.json(leadAnswer(outcome), 200)
  }, true))

  // One service request per post (docs/service-intake.md): a case of the matched customer, or the triage list.
  app.post('/integrations/v1/service-requests', endpoint('service_requests', async (c, body, key) => {
    const outcome = await postServiceRequest(store, key, body, clock(), options.intake)
    if (!outcome.ok) return problem(c, 422, 'invalid_service_request', `${outcome.problems.length} problem(s): nothing was written`, { problems: outcome.problems })
    // The case number is the sender's to pass on; which customer it matched is not told.
    return c.json(outcome.outcome === 'case'
      ? { outcome: 'case', number: outcome.number, created: outcome.created }
      : { outcome: 'triage', created: outcome.created }, 200)
  }))
}
