// The sync wire protocol (docs/sync.md): push, pull, bootstrap and login, shared by client and server.
import { z } from 'zod'
import { ROLES, SYNC_TABLE_NAMES } from './tables'

export const PROTOCOL_PREFIX = '/sync/v1'
/** Bounded requests: a push carries at most this many operations, and the body at most this many bytes. */
export const MAX_OPS_PER_PUSH = 500
export const MAX_BODY_BYTES = 4 * 1024 * 1024
export const MAX_PULL_LIMIT = 5000

export const valueSchema = z.union([z.string().max(100_000), z.number().finite(), z.null()])
export type SyncValue = z.infer<typeof valueSchema>

const fieldName = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/)
const rowId = z.string().min(1).max(64).regex(/^[A-Za-z0-9-]+$/)

export const pushOpSchema = z.object({
  opId: z.uuid(),
  clientSeq: z.number().int().min(1),
  table: z.enum(SYNC_TABLE_NAMES as [string, ...string[]]),
  rowId,
  kind: z.enum(['insert', 'update', 'delete']),
  baseVersion: z.number().int().min(0).nullable(),
  fields: z.record(fieldName, z.object({ old: valueSchema, new: valueSchema })),
  schemaVersion: z.number().int().min(1),
  createdAt: z.string().max(40).regex(/^[0-9T:.+Z-]*$/),
})
export type PushOp = z.infer<typeof pushOpSchema>

/** Client ids are made by the laptop (UUIDs); nothing else reaches a query as one. */
export const clientIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/)

export const pushRequestSchema = z.object({
  clientId: clientIdSchema,
  schemaVersion: z.number().int().min(1),
  ops: z.array(pushOpSchema).max(MAX_OPS_PER_PUSH),
})
export type PushRequest = z.infer<typeof pushRequestSchema>

/** `rejected` is permanent (the operation can never apply) and acknowledged, so the queue never blocks. */
export type PushStatus = 'applied' | 'duplicate' | 'conflict' | 'rejected'
export interface PushResult {
  opId: string
  status: PushStatus
  /** The server sequence the operation was applied at, if it changed anything. */
  version: number | null
  reason?: string
}
export interface PushResponse {
  results: PushResult[]
}

export interface PullChange {
  seq: number
  table: string
  id: string
  /** upsert: the row's current state; delete: a tombstone; evict: the row left the user's scopes. */
  op: 'upsert' | 'delete' | 'evict'
  data?: Record<string, SyncValue>
}

export interface PullResponse {
  changes: PullChange[]
  cursor: number
  hasMore: boolean
  /** The user's scopes changed: drop everything synced and start again from cursor 0. */
  reset: boolean
  /** Bootstrap only: rows (and tombstones) after the cursor in the user's scopes, for a progress bar. */
  remaining?: number
}

export const pullQuerySchema = z.object({
  clientId: clientIdSchema,
  /** Only this scope, from the cursor on, without evictions: the re-download of a diverged scope. */
  scope: z.string().max(200).regex(/^[A-Za-z0-9:_-]+$/).optional(),
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(1000),
})

export const rebindRequestSchema = z.object({ newClientId: clientIdSchema })
export type RebindRequest = z.infer<typeof rebindRequestSchema>

/** Live rows of one scope on the server: how many, and the sum of their versions. */
export interface ScopeChecksum {
  scope: string
  count: number
  sum: number
}
export interface ChecksumResponse {
  scopes: ScopeChecksum[]
}

export const loginRequestSchema = z.object({
  login: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1000),
  clientId: clientIdSchema,
  deviceName: z.string().max(200).optional(),
  /** The password of one's own choice, replacing a one-time password an admin set (answer `password_change_required`). */
  newPassword: z.string().min(1).max(1000).optional(),
})
export type LoginRequest = z.infer<typeof loginRequestSchema>

export interface SyncUser {
  id: string
  login: string
  displayName: string
  email: string
  role: (typeof ROLES)[number]
  teamId: string
}

export interface LoginResponse {
  token: string
  user: SyncUser
  minSchemaVersion: number
}

/** Error codes of the server; the client maps each to words a rep understands. */
export type SyncErrorCode =
  | 'bad_request'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'rate_limited'
  | 'forbidden'
  | 'sequence_gap'
  | 'client_restored'
  | 'server_outdated'
  | 'client_outdated'
  | 'too_large'
  | 'not_found'
  | 'internal'
  /** Login with a one-time password an admin set: send it again with `newPassword`. */
  | 'password_change_required'
  /** The new password is too short or the same as the one-time password. */
  | 'weak_password'

export interface SyncErrorBody {
  error: SyncErrorCode
  message: string
  /** sequence_gap: the client_seq the server expects next. */
  expectedSeq?: number
  minSchemaVersion?: number
  /** client_restored: the stored results of operations of this push the server had already applied. */
  results?: PushResult[]
  /** server_outdated: the newest client schema this server validates. */
  serverSchemaVersion?: number
}
