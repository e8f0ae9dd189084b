// What the app shows about sync: the status line, the settings page and the conflict inbox.
import { z } from 'zod'

export const SYNC_STATES = ['disconnected', 'idle', 'syncing', 'error'] as const
export type SyncState = (typeof SYNC_STATES)[number]

export interface SyncStatus {
  state: SyncState
  serverUrl: string
  user: { login: string; displayName: string; role: string } | null
  lastSyncAt: string | null
  /** Local changes not yet acknowledged by the server. */
  pending: number
  openConflicts: number
  /** Changes the server refused for good (shown, never retried). */
  rejected: number
  /** The first sync downloads everything the rep may see: done of total, for a progress bar. */
  progress: { phase: 'push' | 'pull' | 'bootstrap'; done: number; total: number | null } | null
  /** An i18n key (`sync.errors.*`) in words a rep understands. */
  error: string | null
  nextAttemptAt: string | null
  intervalMinutes: number
  /** The login token is encrypted at rest (Electron safeStorage); false in web mode. */
  tokenEncrypted: boolean
}

export const syncConnectSchema = z.object({
  serverUrl: z.string().trim().min(1, 'errors.required').max(500).refine((v) => /^https?:\/\/[^\s/]+/.test(v), 'errors.syncServerUrl'),
  login: z.string().trim().min(1, 'errors.required').max(200),
  password: z.string().min(1, 'errors.required').max(1000),
})
export type SyncConnectInput = z.infer<typeof syncConnectSchema>

export const syncConfigureSchema = z.object({ intervalMinutes: z.number().int().min(1).max(240) })

export interface ConflictItem {
  id: string
  table: string
  rowId: string
  /** What the record is called (company name, contact name …), or '' if it is gone. */
  record: string
  field: string
  kind: 'field' | 'deleted' | 'deleted_after_edit'
  serverValue: string | number | null
  clientValue: string | number | null
  serverUser: string
  serverAt: string
  clientUser: string
  clientAt: string
  createdAt: string
}

export const CONFLICT_CHOICES = ['server', 'client', 'acknowledged'] as const
export const conflictResolveSchema = z.object({ id: z.string().min(1).max(64), choice: z.enum(CONFLICT_CHOICES) })
