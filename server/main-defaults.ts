// Defaults shared by the server entry and the admin command line.
import { resolve } from 'node:path'

export const DEFAULT_STORE = resolve(process.env.KUNDENREISE_SERVER_DATA ?? '.data/sync-server.sqlite')

/** MAX_FILE_BYTES (per file, 25 MB by default) and TEAM_QUOTA_BYTES (per team, 5 GB): positive whole numbers of bytes. */
export function fileLimitsFromEnv(env: NodeJS.ProcessEnv): { maxFileBytes?: number; teamQuotaBytes?: number } {
  const read = (name: string) => {
    const raw = env[name]
    if (raw === undefined || raw === '') return undefined
    const value = Number(raw)
    if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive number of bytes`)
    return value
  }
  return { maxFileBytes: read('MAX_FILE_BYTES'), teamQuotaBytes: read('TEAM_QUOTA_BYTES') }
}
