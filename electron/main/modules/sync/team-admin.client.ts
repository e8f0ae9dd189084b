// The laptop's side of the team administration (issue 18): asks the sync server's /admin/v1 API with this laptop's
// session. Administration needs the server: offline, it says so; the server's refusals come back as their reasons.
import { z } from 'zod'
import {
  ADMIN_PREFIX, ADMIN_REFUSALS, type AdminCreateUser, type AdminDevice, type AdminOneTimePassword, type AdminTeam, type AdminUser, type TeamAdminView,
} from '../../../../shared/modules/sync/admin-protocol'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { may } from '../../../../shared/platform/rights'
import type { SyncController } from './controller'

const TIMEOUT_MS = 20_000
const refusalBody = z.object({ reason: z.enum(ADMIN_REFUSALS) })
/** Refusals that belong to one field of the form. */
const FIELD_OF: Partial<Record<(typeof ADMIN_REFUSALS)[number], string>> = { duplicate_login: 'login', duplicate_team: 'name', empty_team_name: 'name' }

async function connected(sync: SyncController) {
  const session = await sync.session()
  if (!session) throw new AppError('validation', 'errors.adminNotConnected')
  return session
}

async function call<T>(sync: SyncController, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
  const session = await connected(sync)
  let response: Response
  try {
    response = await session.fetch(`${session.serverUrl}${ADMIN_PREFIX}${path}`, {
      method, headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch {
    throw new AppError('validation', 'errors.adminOffline')
  }
  if (response.status === 401) throw new AppError('validation', 'errors.adminLoggedOut')
  let answer: unknown
  try {
    answer = await response.json()
  } catch {
    throw new AppError('validation', 'errors.adminFailed')
  }
  if (!response.ok) {
    const refusal = refusalBody.safeParse(answer)
    if (!refusal.success) throw new AppError('validation', response.status === 404 ? 'errors.adminUnsupported' : 'errors.adminFailed')
    const key = `errors.admin.${refusal.data.reason}`
    const field = FIELD_OF[refusal.data.reason]
    if (field) throw fieldError(field, key)
    throw new AppError(refusal.data.reason === 'not_allowed' ? 'forbidden' : 'validation', key)
  }
  return answer as T
}

export async function teamAdminView(sync: SyncController): Promise<TeamAdminView> {
  if (!(await sync.session())) return { connected: false, canManageUsers: false, users: [], teams: [], devices: [] }
  const [users, teams, devices] = await Promise.all([
    call<AdminUser[]>(sync, 'GET', '/users'), call<AdminTeam[]>(sync, 'GET', '/teams'), call<AdminDevice[]>(sync, 'GET', '/devices'),
  ])
  const role = (await sync.status()).user?.role ?? ''
  return { connected: true, canManageUsers: may(role, 'users.manage'), users, teams, devices }
}

export const createAdminUser = (sync: SyncController, input: AdminCreateUser) => call<AdminOneTimePassword>(sync, 'POST', '/users', input)
export const updateAdminUser = (sync: SyncController, { id, ...change }: { id: string; role?: string; teamId?: string }) =>
  call<{ ok: true }>(sync, 'PATCH', `/users/${encodeURIComponent(id)}`, change)
export const disableAdminUser = (sync: SyncController, id: string) => call<{ ok: true }>(sync, 'POST', `/users/${encodeURIComponent(id)}/disable`)
export const resetAdminPassword = (sync: SyncController, id: string) => call<AdminOneTimePassword>(sync, 'POST', `/users/${encodeURIComponent(id)}/reset-password`)
export const createAdminTeam = (sync: SyncController, name: string) => call<{ id: string }>(sync, 'POST', '/teams', { name })
