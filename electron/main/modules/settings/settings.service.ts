// Device settings, the users this device knows, and facts about the running app.
import { insertUser, listUsers as queryUsers, pendingOperationCount, readSettings, userExists, writeSetting } from '../../../../db/platform/local.repository'
import { newId } from '../../../../db/platform/ids'
import { SCHEMA_VERSION } from '../../../../db/migrations'
import type { User } from '../../../../shared/modules/customers'
import { settingsSchema, type AppInfo, type Settings } from '../../../../shared/modules/settings/settings.schema'
import { DEFAULT_REMINDER_LEAD_MINUTES, REMINDER_LEAD_SETTING, storedReminderLead } from '../../../../shared/modules/planning'
import { fieldError } from '../../../../shared/platform/result'
import { LOCAL_USER_NAME } from '../../../../shared/platform/letter-profile'
import type { ServiceContext } from '../../platform/context'
import { signedInRole } from '../../../../db/platform/rights-guard'
import { ACTIONS, isRole, may, type MyRights } from '../../../../shared/platform/rights'

const DEFAULTS: Settings = { language: 'de', currentUserId: '', reminderLeadMinutes: DEFAULT_REMINDER_LEAD_MINUTES }

export async function getSettings(ctx: ServiceContext): Promise<Settings> {
  const stored = await readSettings(ctx.db)
  // Stored as text; a number setting is read back as its number (the planning module reads it the same way).
  const parsed = settingsSchema.safeParse({ ...DEFAULTS, ...stored, reminderLeadMinutes: storedReminderLead(stored[REMINDER_LEAD_SETTING]) })
  return parsed.success ? parsed.data : DEFAULTS
}

export async function updateSettings(ctx: ServiceContext, patch: Partial<Settings>): Promise<Settings> {
  if (patch.currentUserId && !(await userExists(ctx.db, patch.currentUserId))) throw fieldError('currentUserId', 'errors.userNotFound')
  await ctx.db.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) await writeSetting(trx, key, String(value))
  })
  if (patch.currentUserId) await ensureCurrentUser(ctx)
  return getSettings(ctx)
}

export async function listUsers(ctx: ServiceContext): Promise<User[]> {
  return (await queryUsers(ctx.db)).map((u) => ({ id: u.id, displayName: u.display_name, email: u.email, role: u.role }))
}

/**
 * Before the first login to a sync server the device needs someone to own records: a local user.
 * Returns the id of the user working on this device.
 */
export async function ensureCurrentUser(ctx: ServiceContext): Promise<string> {
  const settings = await getSettings(ctx)
  const users = await queryUsers(ctx.db)
  let user = users.find((u) => u.id === settings.currentUserId) ?? users[0]
  if (!user) {
    user = { id: newId(), display_name: LOCAL_USER_NAME, email: '', role: 'field_sales', team_id: '', server_version: null, deleted_at: null }
    await insertUser(ctx.db, user)
  }
  if (user.id !== settings.currentUserId) await writeSetting(ctx.db, 'currentUserId', user.id)
  ctx.userId = user.id
  ctx.userName = user.display_name
  return user.id
}

export async function appInfo(ctx: ServiceContext, env: Omit<AppInfo, 'schemaVersion' | 'pendingChanges' | 'now' | 'encrypted'> & { encrypted?: boolean }): Promise<AppInfo> {
  return { ...env, encrypted: env.encrypted ?? false, schemaVersion: SCHEMA_VERSION, pendingChanges: await pendingOperationCount(ctx.db), now: ctx.clock().toISOString() }
}

/** What the signed-in user may do (the rights matrix, shared/platform/rights.ts), so the screens can say it before a click. */
export async function myRights(ctx: ServiceContext): Promise<MyRights> {
  const role = await signedInRole(ctx.db)
  if (role === null) return { role: null, allowed: [...ACTIONS] }
  return { role: isRole(role) ? role : '', allowed: ACTIONS.filter((action) => may(role, action)) }
}
