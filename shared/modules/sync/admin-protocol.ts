// The sync server's administration API (issue 18, docs/architecture.md "Team administration"): users, teams and
// devices, for admins and managers in the app. Bodies are checked with these schemas on the server and the laptop.
import { z } from 'zod'
import { ROLES } from '../../platform/rights'
import type { SyncUser } from './protocol'

export const ADMIN_PREFIX = '/admin/v1'

/** A password of one's own choice (after a one-time password) has at least this many characters. */
export const MIN_PASSWORD_LENGTH = 10

/** A login: 2–100 characters of a–z, 0–9, . _ @ - (stored lower-case). */
export const adminLoginSchema = z.string().trim().toLowerCase().regex(/^[a-z0-9._@-]{2,100}$/, 'errors.adminLogin')

export const adminCreateUserSchema = z.object({
  login: adminLoginSchema,
  displayName: z.string().trim().min(1, 'errors.required').max(200),
  email: z.string().trim().max(200).refine((v) => v === '' || /^[^\s@]+@[^\s@]+$/.test(v), 'errors.email').default(''),
  role: z.enum(ROLES),
  teamId: z.string().max(64).default(''),
})
export type AdminCreateUser = z.infer<typeof adminCreateUserSchema>

export const adminUpdateUserSchema = z.object({
  role: z.enum(ROLES).optional(),
  teamId: z.string().max(64).optional(),
}).refine((v) => v.role !== undefined || v.teamId !== undefined, 'errors.required')
export type AdminUpdateUser = z.infer<typeof adminUpdateUserSchema>

export const adminCreateTeamSchema = z.object({ name: z.string().trim().min(1, 'errors.adminTeamNameEmpty').max(100) })

/** Why the server refused an administrative change; the laptop shows each in words (errors.admin.<reason>). */
export const ADMIN_REFUSALS = [
  'not_allowed', 'last_admin', 'duplicate_login', 'duplicate_team', 'empty_team_name', 'unknown_user', 'unknown_team', 'bad_input',
] as const
export type AdminRefusal = (typeof ADMIN_REFUSALS)[number]

export interface AdminRefusalBody {
  error: 'bad_request' | 'forbidden' | 'not_found' | 'conflict'
  reason: AdminRefusal
  message: string
}

/** A user as the administration sees them: the directory's user, with their state. */
export interface AdminUser extends SyncUser {
  disabledAt: string | null
  /** Signs in next with a one-time password and must choose a new one. */
  mustChangePassword: boolean
}

export interface AdminTeam {
  id: string
  name: string
  members: number
}

/** One laptop (client id) that signed in: whose it is and when it last pushed or pulled. */
export interface AdminDevice {
  clientId: string
  deviceName: string
  userId: string
  login: string
  displayName: string
  lastPushAt: string | null
  lastPullAt: string | null
}

/** A new user or a reset password: the one-time password, shown this once (the server keeps only its hash). */
export interface AdminOneTimePassword {
  userId: string
  password: string
}

// The laptop's channels (team-admin.handlers.ts): the same bodies, a user named by id.
export const teamAdminUserIdSchema = z.object({ id: z.string().min(1).max(64) })
export const teamAdminUpdateUserSchema = z.object({ id: z.string().min(1).max(64), role: z.enum(ROLES).optional(), teamId: z.string().max(64).optional() })

/** The administration page's data; `connected` false on a laptop not signed in to a server (nothing to administer). */
export interface TeamAdminView {
  connected: boolean
  /** Admins manage users; managers see them (rights `users.manage`). */
  canManageUsers: boolean
  users: AdminUser[]
  teams: AdminTeam[]
  devices: AdminDevice[]
}
