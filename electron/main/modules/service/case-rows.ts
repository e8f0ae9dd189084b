// What the case use cases share: reading a case, its next service-level deadline, and its timeline
// (with what the customer was told copied to the customer's timeline).
import type { Kysely, Selectable, Transaction } from 'kysely'
import { newId } from '../../../../db/platform/ids'
import { insertSynced } from '../../../../db/platform/synced-writes'
import type { Database } from '../../../../db/database.types'
import type { CaseTable } from '../../../../db/modules/service/service.table'
import { isOpenCase, type CaseEventKind, type CaseStatus, type CaseType } from '../../../../shared/modules/service/service.enums'
import type { CaseEventKey } from '../../../../shared/modules/service/service.events'
import { eventColumns, type EventParams } from '../../../../shared/platform/event-message'
import { berlinDayStart } from '../../../../shared/platform/berlin-time'
import { addCalendarDays } from '../../../../shared/platform/calendar/german-holidays'
import { AppError } from '../../../../shared/platform/result'
import type { ServiceContext } from '../../platform/context'
import { refreshJourney } from '../customers'
import { readTeamSetting, teamOfCompany } from '../../../../db/platform/team-settings'
import { readServiceSettings, SERVICE_LEVELS_KEY } from '../../../../shared/modules/service/service-settings.schema'
import type { ServiceLevel } from '../../../../shared/modules/service/sla.rules'
import type { Priority } from '../../../../shared/modules/service/service.enums'

type Db = Kysely<Database>
type Trx = Transaction<Database>
type Row = Selectable<CaseTable>

/** The service level of a priority in the company's team (team setting `serviceLevels`; the defaults when the team has none). */
export async function serviceLevelOf(trx: Trx, ctx: ServiceContext, companyTeamId: string, priority: Priority): Promise<ServiceLevel> {
  const teamId = await teamOfCompany(trx, companyTeamId, ctx.userId)
  return readServiceSettings(await readTeamSetting(trx, teamId, SERVICE_LEVELS_KEY)).serviceLevels[priority]
}

/** The instant a German calendar day ends (the resolve-by deadline as a point in time). */
export function endOfGermanDay(day: string): string {
  return new Date(Date.parse(berlinDayStart(addCalendarDays(day, 1))) - 1).toISOString()
}

/** The next deadline of an open case: acknowledging while it is new, then resolving. */
export const slaDue = (status: CaseStatus, ackDue: string, resolveDay: string): string | null =>
  status === 'new' ? ackDue : isOpenCase(status) ? endOfGermanDay(resolveDay) : null

export async function loadCase(db: Db, id: string): Promise<Row> {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
  if (!row) throw new AppError('not_found', 'errors.notFound')
  return row
}

export async function loadOfType(trx: Db, id: string, type: CaseType): Promise<Row> {
  const row = await loadCase(trx, id)
  if (row.type !== type) throw new AppError('conflict', 'errors.caseWrongType')
  return row
}

/** An entry on the case's timeline: what happened as a message key and parameters, and the user's own text. */
interface CaseEvent {
  kind: CaseEventKind
  key?: CaseEventKey
  params?: EventParams
  text: string
}

export async function logEvent(trx: Trx, ctx: ServiceContext, row: Pick<Row, 'id' | 'company_id' | 'contact_id' | 'number'>, e: CaseEvent, customerInformed: boolean, now: string): Promise<void> {
  const message = e.key ? eventColumns(e.key, e.params) : { message_key: null, message_params: null }
  await insertSynced(trx, 'case_events', {
    id: newId(), case_id: row.id, company_id: row.company_id, at: now, kind: e.kind, text: e.text, ...message, customer_informed: customerInformed ? 1 : 0, created_by: ctx.userId,
  }, now)
  // What the customer was told belongs on the customer's timeline too.
  if (customerInformed) {
    const told = e.key
      ? eventColumns('case.customerInformedOf', { number: row.number, detail: e.key, ...e.params })
      : eventColumns('case.customerInformed', { number: row.number })
    await insertSynced(trx, 'touchpoints', {
      id: newId(), company_id: row.company_id, contact_id: row.contact_id, occurred_at: now, channel: 'phone', direction: 'outbound', mode: 'direct', station: 'support',
      summary: e.text, ...told, created_by: ctx.userId,
    }, now)
    await refreshJourney(trx, row.company_id, now)
  }
}
