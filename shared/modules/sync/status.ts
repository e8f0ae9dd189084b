// What the app shows about sync: the status line, the settings page and the conflict inbox.
import { z } from 'zod'
import type { ConflictKind } from './tables'

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
  /** Records that arrived from the server but could not be applied here (set aside, shown). */
  quarantined: number
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
  /** After a one-time password an admin set: the user's own (the server asks for it with `password_change_required`). */
  newPassword: z.string().max(1000).optional(),
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
  kind: ConflictKind
  serverValue: string | number | null
  clientValue: string | number | null
  serverUser: string
  serverAt: string
  clientUser: string
  clientAt: string
  createdAt: string
}

/** A change the server refused, as the rep sees it in the inbox: "abgelehnt: …". */
export interface RejectedChange {
  table: string
  rowId: string
  /** What the record is called, or '' if it is not (or no longer) on this laptop. */
  record: string
  kind: string
  /** The server's reason code (`invalid_row`, `unknown_reference`, `immutable`, …). */
  reason: string
  /** The column the reason is about, if any. */
  column: string
  at: string
}

/** A record that arrived but could not be applied on this laptop. */
export interface QuarantinedRecord {
  table: string
  rowId: string
  record: string
  error: string
  at: string
}

export interface SyncProblems {
  rejected: RejectedChange[]
  quarantined: QuarantinedRecord[]
}

export const CONFLICT_CHOICES = ['server', 'client', 'acknowledged'] as const
export const conflictResolveSchema = z.object({ id: z.string().min(1).max(64), choice: z.enum(CONFLICT_CHOICES) })
