// The privacy audit log: what left the app (list exports, vCards, Art. 15 information), by whom and when.
export const AUDIT_KINDS = ['export', 'access_report'] as const
export type AuditKind = (typeof AUDIT_KINDS)[number]

export interface AuditEntry {
  id: string
  kind: AuditKind
  /** The channel that produced the file, e.g. `companies.export`. */
  channel: string
  /** The person an Art. 15 information or a single vCard was about (an id), else empty. */
  subjectId: string
  format: string
  rows: number
  at: string
  byUser: string
  byName: string
  /** Not yet acknowledged by the sync server. */
  pending: boolean
}

export interface AuditLog {
  entries: AuditEntry[]
  access: 'manager' | 'standalone'
}
