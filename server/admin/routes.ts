// The team administration's endpoints (issue 18, docs/architecture.md "Team administration"): the laptop's session
// (Bearer, as the sync endpoints) names the actor; managers and admins see users, teams and devices and create
// teams (`teams.manage`), only admins create, change, disable users and reset passwords (`users.manage`). Every
// refusal is answered with its reason, writes nothing, and is logged with ids only.
import { randomBytes } from 'node:crypto'
import type { Context, Hono } from 'hono'
import type { z } from 'zod'
import {
  ADMIN_PREFIX, adminCreateTeamSchema, adminCreateUserSchema, adminUpdateUserSchema,
  type AdminOneTimePassword, type AdminRefusal, type AdminRefusalBody,
} from '../../shared/modules/sync'
import { may, type Action } from '../../shared/platform/rights'
import { actorForToken, type Actor } from '../auth/sessions'
import type { Store } from '../store/open-store'
import { createTeam, createUser, disableUser, resetPassword, setUserRole, setUserTeam } from './accounts'
import { AdminError } from './admin-error'
import { adminDevices, adminTeams, adminUsers } from './directory'

export interface AdminRouteOptions {
  store: Store
  clock: () => Date
}

type Env = { Variables: { actor: Actor } }

const STATUS: Record<AdminRefusal, { status: 400 | 403 | 404 | 409; error: AdminRefusalBody['error'] }> = {
  not_allowed: { status: 403, error: 'forbidden' },
  last_admin: { status: 409, error: 'conflict' },
  duplicate_login: { status: 409, error: 'conflict' },
  duplicate_team: { status: 409, error: 'conflict' },
  empty_team_name: { status: 400, error: 'bad_request' },
  unknown_user: { status: 404, error: 'not_found' },
  unknown_team: { status: 404, error: 'not_found' },
  bad_input: { status: 400, error: 'bad_request' },
}

/** The refusal, logged with the actor's and the target's ids only (no names, logins or passwords). */
function refuse(c: Context<Env>, reason: AdminRefusal, message: string, target?: string) {
  const actor = c.get('actor')
  console.warn(`[admin] refused ${c.req.method} ${new URL(c.req.url).pathname.replace(/\/users\/[^/]+/, '/users/:id')} by user ${actor.userId} (${actor.role}): ${reason}${target ? ` (user ${target})` : ''}`)
  const { status, error } = STATUS[reason]
  return c.json({ error, reason, message } satisfies AdminRefusalBody, status)
}

async function body<T extends z.ZodType>(c: Context, schema: T): Promise<ReturnType<T['safeParse']>> {
  let raw: unknown
  try {
    raw = await c.req.json()
  } catch {
    raw = undefined
  }
  return schema.safeParse(raw) as ReturnType<T['safeParse']>
}

const idOf = (c: Context) => c.req.param('id') ?? ''

/** A one-time password: 12 characters from 72 random bits, shown once to the admin. */
const oneTimePassword = () => randomBytes(9).toString('base64url')

export function mountAdminRoutes(app: Hono<Env>, options: AdminRouteOptions): void {
  const { store, clock } = options

  app.use(`${ADMIN_PREFIX}/*`, async (c, next) => {
    c.header('cache-control', 'private, no-store')
    const token = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(c.req.header('authorization') ?? '')?.[1]
    const actor = token ? await actorForToken(store.db, token, clock()) : null
    if (!actor) return c.json({ error: 'unauthenticated', message: 'login required' }, 401)
    c.set('actor', actor)
    if (!may(actor.role, 'teams.manage')) return refuse(c, 'not_allowed', 'only managers and admins see the administration')
    await next()
  })

  /** Runs an administrative change the actor's role must allow; an AdminError becomes its refusal. */
  const guarded = (action: Action, run: (c: Context<Env>) => Promise<Response>) => async (c: Context<Env>) => {
    if (!may(c.get('actor').role, action)) return refuse(c, 'not_allowed', `needs ${action}`, idOf(c))
    try {
      return await run(c)
    } catch (err) {
      if (err instanceof AdminError) return refuse(c, err.reason, err.message, idOf(c))
      throw err
    }
  }

  const loginOf = async (id: string) => {
    const user = await store.db.selectFrom('users').select('login').where('id', '=', id).executeTakeFirst()
    if (!user) throw new AdminError('no such user', 'unknown_user')
    return user.login
  }

  app.get(`${ADMIN_PREFIX}/users`, async (c) => c.json(await adminUsers(store)))
  app.get(`${ADMIN_PREFIX}/teams`, async (c) => c.json(await adminTeams(store)))
  app.get(`${ADMIN_PREFIX}/devices`, async (c) => c.json(await adminDevices(store)))

  app.post(`${ADMIN_PREFIX}/teams`, guarded('teams.manage', async (c) => {
    const parsed = await body(c, adminCreateTeamSchema)
    if (!parsed.success) {
      const empty = parsed.error.issues.some((i: { message: string }) => i.message === 'errors.adminTeamNameEmpty')
      return refuse(c, empty ? 'empty_team_name' : 'bad_input', empty ? 'team name must not be empty' : 'name is required')
    }
    return c.json({ id: await createTeam(store, parsed.data.name, clock()) }, 201)
  }))

  app.post(`${ADMIN_PREFIX}/users`, guarded('users.manage', async (c) => {
    const parsed = await body(c, adminCreateUserSchema)
    if (!parsed.success) return refuse(c, 'bad_input', 'login, displayName and role are required')
    const password = oneTimePassword()
    const id = await createUser(store, { ...parsed.data, password, mustChangePassword: true }, clock())
    return c.json({ userId: id, password } satisfies AdminOneTimePassword, 201)
  }))

  app.patch(`${ADMIN_PREFIX}/users/:id`, guarded('users.manage', async (c) => {
    const parsed = await body(c, adminUpdateUserSchema)
    if (!parsed.success) return refuse(c, 'bad_input', 'role or teamId is required', idOf(c))
    const login = await loginOf(idOf(c))
    const { role, teamId } = parsed.data
    // Checked before either change, so a refused role (the last admin) or team leaves both as they were.
    if (teamId && !(await store.db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst())) throw new AdminError('no such team', 'unknown_team')
    if (role !== undefined) await setUserRole(store, login, role)
    if (teamId !== undefined) await setUserTeam(store, login, teamId)
    return c.json({ ok: true })
  }))

  app.post(`${ADMIN_PREFIX}/users/:id/disable`, guarded('users.manage', async (c) => {
    await disableUser(store, await loginOf(idOf(c)), clock())
    return c.json({ ok: true })
  }))

  app.post(`${ADMIN_PREFIX}/users/:id/reset-password`, guarded('users.manage', async (c) => {
    const password = oneTimePassword()
    await resetPassword(store, await loginOf(idOf(c)), password, clock(), true)
    return c.json({ userId: idOf(c), password } satisfies AdminOneTimePassword)
  }))
}
