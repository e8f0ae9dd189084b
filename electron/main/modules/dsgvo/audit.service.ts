// The privacy audit log: every file that leaves the app with customer data — a list export, a vCard, an
// Art. 15 information — is recorded as one synced, insert-only row (who, when, which channel, format, how
// many rows, which person for a single contact). Managers read it under Einstellungen, with the erasures.
import { newId } from '../../../../db/platform/ids'
import { insertSynced } from '../../../../db/platform/synced-writes'
import type { AuditKind, AuditLog } from '../../../../shared/modules/dsgvo'
import { nowIso, type ServiceContext } from '../../platform/context'
import { logAccess } from './erasure-log.service'

export interface AuditRecord {
  kind: AuditKind
  channel: string
  subjectId?: string
  format?: string
  rows?: number
}

export async function recordAudit(ctx: ServiceContext, record: AuditRecord): Promise<void> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute((trx) => insertSynced(trx, 'audit_events', {
    id: newId(), kind: record.kind, channel: record.channel, subject_id: record.subjectId ?? '', format: record.format ?? '', rows: record.rows ?? 0,
    at: now, by_user: ctx.userId,
  }, now))
}

/** What a successful answer of `channel` to `input` should leave in the log, or null for channels that are not audited. */
export function auditOf(channel: string, input: unknown, data: unknown): AuditRecord | null {
  const given = (input ?? {}) as Record<string, unknown>
  const answer = (data ?? {}) as Record<string, unknown>
  if (channel === 'access.report') return { kind: 'access_report', channel, subjectId: typeof given.contactId === 'string' ? given.contactId : '', format: 'json+docx', rows: 1 }
  if (channel.endsWith('.export') || channel === 'contacts.vcard' || channel === 'worklist.ics') {
    return {
      kind: 'export', channel, subjectId: channel === 'contacts.vcard' && typeof given.id === 'string' ? given.id : '',
      format: typeof given.format === 'string' ? given.format : channel === 'contacts.vcard' ? 'vcf' : channel === 'worklist.ics' ? 'ics' : '',
      rows: typeof answer.rows === 'number' ? answer.rows : 0,
    }
  }
  return null
}

export async function listAudit(ctx: ServiceContext): Promise<AuditLog> {
  const access = await logAccess(ctx)
  const rows = await ctx.db.selectFrom('audit_events as a').leftJoin('users as u', 'u.id', 'a.by_user')
    .select(['a.id', 'a.kind', 'a.channel', 'a.subject_id', 'a.format', 'a.rows', 'a.at', 'a.by_user', 'u.display_name', 'a.server_version'])
    .where('a.deleted_at', 'is', null).orderBy('a.at', 'desc').limit(1000).execute()
  return {
    access,
    entries: rows.map((r) => ({
      id: r.id, kind: r.kind, channel: r.channel, subjectId: r.subject_id, format: r.format, rows: Number(r.rows), at: r.at, byUser: r.by_user,
      byName: r.display_name ?? (r.by_user === ctx.userId ? ctx.userName : ''), pending: r.server_version === null,
    })),
  }
}
