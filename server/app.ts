// The sync server's HTTP surface (Hono): login, push, pull, bootstrap. Stateless apart from the store.
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { compress } from 'hono/compress'
import { jsonAnswer } from './json-answer'
import type { z } from 'zod'
import {
  MAX_BODY_BYTES, MIN_PASSWORD_LENGTH, loginRequestSchema, pullQuerySchema, pushRequestSchema, rebindRequestSchema,
  type ChecksumResponse, type LoginResponse, type SyncErrorBody, type SyncErrorCode,
} from '../shared/modules/sync'
import { NO_TRUSTED_PROXIES, resolveClientAddress, type TrustedProxies } from './auth/client-address'
import { isStorableText } from './auth/login-input'
import { hashPassword, verifyPassword } from './auth/passwords'
import { DEFAULT_THROTTLE, reserveLoginAttempt, settleLoginAttempt, type ThrottleLimits } from './auth/rate-limit'
import { actorForToken, createSession, rebindSession, revokeSession, type Actor } from './auth/sessions'
import { mountCalendarRoutes } from './calendar/routes'
import { mountIntegrationRoutes, type IntegrationLimits } from './integrations/routes'
import { mountAdminRoutes } from './admin/routes'
import { mountServiceFormRoutes, type FormLimits } from './intake/form'
import type { IntakeOptions } from './intake/requests'
import type { FeedThrottle } from './calendar/throttle'
import { databaseBlobStore, type BlobStore } from './files/blob-store'
import { FILES_PREFIX, mountFileRoutes, type FileLimits } from './files/routes'
import { sweepUnreferencedBlobs } from './files/sweep'
import type { Store } from './store/open-store'
import { scopeChecksums } from './sync/checksum'
import { pull, serializePull } from './sync/pull'
import { canSee } from './sync/scope'
import { push, PushRefused, SERVER_SCHEMA_VERSION, type PushHooks } from './sync/push'

export interface ServerOptions {
  store: Store
  clock?: () => Date
  /** Oldest client schema version the server accepts (older clients must update first). */
  minSchemaVersion?: number
  /** Honour the `x-fault` header (tests only: the fault-injection suite kills the server on cue). */
  faults?: boolean
  /** The TCP peer's address, for login throttling (server/main.ts reads it from the Node adapter). */
  peerAddress?: (c: Context) => string | undefined
  /** Proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES); by default none. */
  trustedProxies?: TrustedProxies
  /** Login throttling limits (tests use small ones). */
  loginThrottle?: Partial<ThrottleLimits>
  /** The server's address as laptops and calendars reach it (PUBLIC_URL, behind a proxy); by default each request's own. */
  publicUrl?: string
  /** Throttling of wrong calendar feed addresses (tests use small limits). */
  feedThrottle?: FeedThrottle
  /** Limits of the integration API (tests use small ones). */
  integrationLimits?: Partial<IntegrationLimits>
  /** Where file bytes live; by default in the store's own database (server/files/blob-store.ts). */
  blobs?: BlobStore
  /** Per-file and per-team limits of files (tests use small ones). */
  fileLimits?: Partial<FileLimits>
  /** The service intake (issue 19): whether cases made from requests queue an acknowledgement, and its Message-ID domain. */
  intake?: IntakeOptions
  /** Called after a request became a case (the server's intake round then sends its acknowledgement at once). */
  onServiceCase?: () => void
  /** Limits of the service form (tests use small ones). */
  formLimits?: Partial<FormLimits>
  /** Who may embed the service form (CSP frame-ancestors; INTAKE_FRAME_ANCESTORS). */
  formFrameAncestors?: string
}

type Env = { Variables: { actor: Actor } }

/** Devices one login may have signed in at once through rebinding (restored or copied laptops). */
export const MAX_ACTIVE_SESSIONS = 20

const problem = (c: Context, status: 400 | 401 | 403 | 404 | 409 | 413 | 426 | 429 | 500, error: SyncErrorCode, message: string, extra: Partial<SyncErrorBody> = {}) =>
  c.json({ error, message, ...extra } satisfies SyncErrorBody, status)

async function parseJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T> | null> {
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    return null
  }
  const parsed = schema.safeParse(body)
  return parsed.success ? parsed.data : null
}

export function createApp(options: ServerOptions): Hono<Env> {
  const { store } = options
  const clock = options.clock ?? (() => new Date())
  const minSchemaVersion = options.minSchemaVersion ?? 1
  const trustedProxies = options.trustedProxies ?? NO_TRUSTED_PROXIES
  const throttle: ThrottleLimits = { ...DEFAULT_THROTTLE, ...options.loginThrottle }
  const app = new Hono<Env>()
  const blobs = options.blobs ?? databaseBlobStore(store)

  app.onError((err, c) => {
    console.error('[server]', err)
    return problem(c, 500, 'internal', 'internal error')
  })
  app.notFound((c) => problem(c, 404, 'not_found', 'no such endpoint'))
  const jsonLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    // Logged with the path only: the body is never read, nor its sender's data written anywhere.
    onError: (c) => {
      console.warn(`[server] refused ${c.req.method} ${c.req.path}: 413 too_large`)
      return problem(c, 413, 'too_large', `request body over ${MAX_BODY_BYTES} bytes`)
    },
  })
  // Files stream in under their own per-file limit (server/files/routes.ts).
  app.use('*', (c, next) => (c.req.path.startsWith(`${FILES_PREFIX}/`) ? next() : jsonLimit(c, next)))
  app.use('*', compress())

  app.get('/health', (c) => c.json({ ok: true, store: store.kind }))

  app.post('/auth/v1/login', async (c) => {
    const input = await parseJson(c, loginRequestSchema)
    if (!input) return problem(c, 400, 'bad_request', 'login, password and clientId are required')
    if (![input.login, input.clientId, input.deviceName ?? ''].every(isStorableText)) {
      return problem(c, 400, 'bad_request', 'login, clientId and deviceName must not contain NUL or unpaired surrogate characters')
    }
    const login = input.login.toLowerCase()
    const address = resolveClientAddress(options.peerAddress?.(c), c.req.header('x-forwarded-for'), trustedProxies)
    const now = clock()
    // Counted before the password is checked, so concurrent guesses cannot all pass (auth/rate-limit.ts).
    const reservation = await reserveLoginAttempt(store.db, login, address, now, throttle)
    if (!reservation.ok) {
      c.header('Retry-After', String(reservation.retryAfterSeconds))
      return problem(c, 429, 'rate_limited', 'too many failed logins, try again later')
    }
    const user = await store.db.selectFrom('users').selectAll().where('login', '=', login).where('disabled_at', 'is', null).executeTakeFirst()
    const valid = await verifyPassword(user?.password_hash ?? null, input.password)
    await settleLoginAttempt(store.db, reservation, !!user && valid, now)
    if (!user || !valid) return problem(c, 401, 'invalid_credentials', 'login or password wrong')
    if (user.must_change_password) {
      // A one-time password an admin saw: the login goes through only with a password of the user's own.
      if (!input.newPassword) return problem(c, 403, 'password_change_required', 'choose a new password to replace the one-time password')
      if (input.newPassword.length < MIN_PASSWORD_LENGTH || input.newPassword === input.password) {
        console.warn(`[auth] refused new password of user ${user.id}: too short or unchanged`)
        return problem(c, 400, 'weak_password', `the new password needs at least ${MIN_PASSWORD_LENGTH} characters and must differ from the one-time password`)
      }
      await store.db.updateTable('users').set({ password_hash: await hashPassword(input.newPassword), must_change_password: 0 }).where('id', '=', user.id).execute()
    }
    const token = await createSession(store.db, user.id, input.clientId, input.deviceName ?? '', now)
    const body: LoginResponse = {
      token,
      user: { id: user.id, login: user.login, displayName: user.display_name, email: user.email, role: user.role, teamId: user.team_id },
      minSchemaVersion,
    }
    return c.json(body)
  })

  const bearer = (c: Context) => /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(c.req.header('authorization') ?? '')?.[1] ?? null

  app.use('/sync/*', async (c, next) => {
    const token = bearer(c)
    const actor = token ? await actorForToken(store.db, token, clock()) : null
    if (!actor) return problem(c, 401, 'unauthenticated', 'login required')
    const schema = Number(c.req.header('x-kundenreise-schema') ?? '0')
    if (!Number.isInteger(schema) || schema < minSchemaVersion) {
      return problem(c, 426, 'client_outdated', `client schema ${schema} is older than ${minSchemaVersion}`, { minSchemaVersion })
    }
    c.set('actor', actor)
    await next()
  })
  app.use('/auth/v1/logout', async (c, next) => {
    const token = bearer(c)
    if (!token || !(await actorForToken(store.db, token, clock()))) return problem(c, 401, 'unauthenticated', 'login required')
    await next()
  })

  app.post('/auth/v1/logout', async (c) => {
    await revokeSession(store.db, bearer(c)!, clock())
    return c.json({ ok: true })
  })

  /** A restored or copied laptop takes a new client id and needs a session bound to it. */
  app.post('/sync/v1/rebind', async (c) => {
    const input = await parseJson(c, rebindRequestSchema)
    if (!input || input.newClientId === c.get('actor').clientId) return problem(c, 400, 'bad_request', 'newClientId is required and must be new')
    const taken = await store.db.selectFrom('sync_clients').select('client_id').where('client_id', '=', input.newClientId).executeTakeFirst()
    if (taken) return problem(c, 409, 'bad_request', 'this client id is already known')
    // A stolen token must not mint sessions without end: a login has at most this many active devices.
    const active = await store.db.selectFrom('sessions').select((eb) => eb.fn.countAll().as('n'))
      .where('user_id', '=', c.get('actor').userId).where('revoked_at', 'is', null).where('expires_at', '>', clock().toISOString()).executeTakeFirstOrThrow()
    if (Number(active.n) >= MAX_ACTIVE_SESSIONS) return problem(c, 429, 'rate_limited', 'too many active devices for this login')
    const token = await rebindSession(store.db, bearer(c)!, input.newClientId, clock())
    if (!token) return problem(c, 401, 'unauthenticated', 'login required')
    return c.json({ token })
  })

  app.get('/sync/v1/me', (c) => {
    const a = c.get('actor')
    return c.json({ id: a.userId, login: a.login, displayName: a.displayName, role: a.role, teamId: a.teamId })
  })

  app.post('/sync/v1/push', async (c) => {
    const input = await parseJson(c, pushRequestSchema)
    if (!input) return problem(c, 400, 'bad_request', 'malformed push')
    const fault = options.faults ? c.req.header('x-fault') : undefined
    const hooks: PushHooks = {
      ...(fault === 'hang-before-commit' ? { beforeCommit: () => new Promise<void>(() => {}) } : {}),
      // The blob store stamps its rows with the wall clock, not the server's (testable) clock: so does the sweep.
      afterErasure: async () => void (await sweepUnreferencedBlobs(store, blobs, new Date())),
    }
    try {
      const response = await push(store, c.get('actor'), input, clock, hooks)
      if (fault === 'exit-after-commit') process.kill(process.pid, 'SIGKILL')
      return jsonAnswer(c, JSON.stringify(response))
    } catch (err) {
      if (err instanceof PushRefused) {
        switch (err.code) {
          case 'sequence_gap':
            return problem(c, 409, 'sequence_gap', `expected client_seq ${err.expectedSeq}`, { expectedSeq: err.expectedSeq })
          case 'client_restored':
            return problem(c, 409, 'client_restored', 'this client id already used these positions: take a new client id', { expectedSeq: err.expectedSeq, results: err.results })
          case 'server_outdated':
            return problem(c, 409, 'server_outdated', `the server knows schema ${SERVER_SCHEMA_VERSION} only`, { serverSchemaVersion: SERVER_SCHEMA_VERSION })
          case 'forbidden':
            return problem(c, 403, 'forbidden', 'this client id belongs to another login')
        }
      }
      throw err
    }
  })

  const pullRoute = (bootstrap: boolean) => async (c: Context<Env>) => {
    const parsed = pullQuerySchema.safeParse(c.req.query())
    if (!parsed.success) return problem(c, 400, 'bad_request', 'malformed pull')
    const actor = c.get('actor')
    if (parsed.data.clientId !== actor.clientId) return problem(c, 403, 'forbidden', 'this client id belongs to another login')
    if (parsed.data.scope && !canSee(actor, parsed.data.scope)) return problem(c, 403, 'forbidden', 'not a scope of this user')
    const response = await pull(store, actor, { ...parsed.data, withRemaining: bootstrap && c.req.query('withRemaining') === '1' }, clock)
    return jsonAnswer(c, serializePull(response))
  }
  app.get('/sync/v1/checksum', async (c) => {
    const actor = c.get('actor')
    if (c.req.query('clientId') !== actor.clientId) return problem(c, 403, 'forbidden', 'this client id belongs to another login')
    return c.json({ scopes: await scopeChecksums(store, actor) } satisfies ChecksumResponse)
  })
  app.get('/sync/v1/pull', pullRoute(false))
  app.get('/sync/v1/bootstrap', pullRoute(true))

  // The calendar subscription: token with the session, feed with the token (server/calendar/).
  mountCalendarRoutes(app, { store, clock, publicUrl: options.publicUrl, peerAddress: options.peerAddress, trustedProxies, feedThrottle: options.feedThrottle })

  // The integration API for sending systems (an ERP's nightly export): integration keys, not sessions (server/integrations/).
  const intake: IntakeOptions = { ...(options.intake ?? { acknowledge: false, mailDomain: 'intake.invalid' }), ...(options.onServiceCase ? { onCase: options.onServiceCase } : {}) }
  mountIntegrationRoutes(app, { store, clock, peerAddress: options.peerAddress, trustedProxies, limits: options.integrationLimits, intake })
  // The service form for the company's website (issue 19, server/intake/form.ts): public, honeypot and per-address limit.
  mountServiceFormRoutes(app, { store, clock, peerAddress: options.peerAddress, trustedProxies, limits: options.formLimits, intake, frameAncestors: options.formFrameAncestors })

  // Team administration in the app (issue 18): users, teams and devices for admins and managers (server/admin/routes.ts).
  mountAdminRoutes(app, { store, clock })
  // Files (issue 18): blobs by SHA-256, visible with the scope of the attachments naming them (server/files/).
  mountFileRoutes(app, { store, clock, blobs, limits: options.fileLimits })

  return app
}
