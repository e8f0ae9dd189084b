// The device profile (letterhead and the settings of each station), stored with the device settings
// (never synced), and the company logo: copied into the app's profile folder when the profile is saved, and read only from
// there (or, for a profile saved before logos were copied, from the profile's own path) when a letter
// is made — never from a path that came by sync.
import { constants } from 'node:fs'
import { lstat, open, rm } from 'node:fs/promises'
import path from 'node:path'
import { sql } from 'kysely'
import type { z } from 'zod'
import { letterheadSchema, type Letterhead } from '../../../shared/platform/letterhead.schema'
import { fieldError } from '../../../shared/platform/result'
import { MAX_LOGO_BYTES, logoType } from './documents/logo'
import type { ServiceContext } from './context'
import { childPath, writeFileInside } from './documents/document-files'

const KEY = 'companyProfile'
/** The profile folder next to the database, and the logo's copy in it. */
const PROFILE_FOLDER = 'Profil'
const LOGO_FILE = 'Firmenlogo'

/** The stored device profile as it is (JSON), for each module to read its own part with its own schema. */
export async function readDeviceProfile(ctx: Pick<ServiceContext, 'db'>): Promise<unknown> {
  const row = await ctx.db.selectFrom('app_settings').select('value').where('key', '=', KEY).executeTakeFirst()
  try {
    return row ? JSON.parse(row.value) : {}
  } catch {
    return {}
  }
}

/** One part of the device profile, parsed with the part's schema; its defaults when the stored part is invalid. */
export async function deviceSettings<S extends z.ZodType>(ctx: Pick<ServiceContext, 'db'>, schema: S): Promise<z.output<S>> {
  const parsed = schema.safeParse(await readDeviceProfile(ctx))
  return parsed.success ? parsed.data : schema.parse({})
}

export const deviceLetterhead = (ctx: Pick<ServiceContext, 'db'>): Promise<Letterhead> => deviceSettings(ctx, letterheadSchema)

/** Stores the whole profile (the settings page composes it); the logo is copied into the profile folder first. */
export async function writeDeviceProfile(ctx: ServiceContext, profile: { logoPath: string }): Promise<void> {
  const previous = await deviceLetterhead(ctx)
  await storeLogo(ctx, profile.logoPath, previous.logoPath)
  const value = JSON.stringify(profile)
  await ctx.db.insertInto('app_settings').values({ key: KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute()
}

/**
 * The logo a letter made on this device embeds: the copy in the profile folder. `missing` when the
 * profile names a logo that cannot be used (the letter is then made without it, with a warning).
 */
export async function deviceLogo(ctx: ServiceContext): Promise<{ data: Buffer | null; missing: boolean }> {
  const { logoPath } = await deviceLetterhead(ctx)
  if (!logoPath) return { data: null, missing: false }
  const folder = await profileFolder(ctx)
  let data = folder ? await readLogo(childPath(folder, LOGO_FILE), false) : null
  if (!data) {
    // A profile saved before logos were copied (or a database without a folder): import it now.
    data = await readLogo(logoPath, true)
    if (data && folder) await writeFileInside(folder, LOGO_FILE, data).catch(() => undefined)
  }
  return { data, missing: data === null }
}

/** Copies the picked logo into the profile folder; a newly picked file that is no PNG/JPEG of ≤ 2 MB is refused. */
async function storeLogo(ctx: ServiceContext, logoPath: string, previousPath: string): Promise<void> {
  const folder = await profileFolder(ctx)
  if (!logoPath) {
    if (folder) await rm(childPath(folder, LOGO_FILE), { force: true })
    return
  }
  const data = await readLogo(logoPath, true)
  if (data && folder) await writeFileInside(folder, LOGO_FILE, data)
  // An unchanged path whose file has gone keeps the copy made earlier, so other settings still save.
  if (!data && logoPath !== previousPath) throw fieldError('logoPath', 'errors.invalidFormat')
}

/** The folder next to the database file; null for a database without a file. */
async function profileFolder(ctx: ServiceContext): Promise<string | null> {
  const { rows } = await sql<{ name: string; file: string }>`PRAGMA database_list`.execute(ctx.db)
  const file = rows.find((r) => r.name === 'main')?.file ?? ''
  return file ? path.join(path.dirname(file), PROFILE_FOLDER) : null
}

/**
 * A logo's bytes when the file is a regular file holding a PNG/JPEG of at most 2 MB, else null.
 * `followLinks` only for the path the user picked; the app's own copy is never read through a link.
 */
async function readLogo(file: string, followLinks: boolean): Promise<Buffer | null> {
  if (!path.isAbsolute(file)) return null
  try {
    if (!followLinks && !(await lstat(file)).isFile()) return null
    const handle = await open(file, constants.O_RDONLY | (followLinks ? 0 : (constants.O_NOFOLLOW ?? 0)))
    try {
      const stat = await handle.stat()
      if (!stat.isFile() || stat.size > MAX_LOGO_BYTES) return null
      const data = await handle.readFile()
      return logoType(data) ? data : null
    } finally {
      await handle.close()
    }
  } catch {
    return null
  }
}
