// Demo tasks and appointments (issue 16): per company two or three tasks over the last month and the next half
// year (done when more than five days past, a few left overdue, a repeating key-account call) and one appointment
// between a month ago and a year ahead (in the small set: one a day around today), with the decision maker and
// sometimes a colleague — so the work list, the week view, the reminders and the visit
// briefing have something to show, and the large set holds 50,000 tasks and 20,000 appointments. Chosen by the
// company's index, not by the random stream, so the rest of the demo data stays as it was.
import type { Transaction } from 'kysely'
import { newId } from '../../../../db/platform/ids'
import { insertSynced } from '../../../../db/platform/synced-writes'
import type { Database } from '../../../../db/database.types'
import type { AppointmentKind, TaskPriority } from '../../../../shared/modules/planning'
import { day } from './demo-data.random'

const TASKS = [
  'Rückruf wegen Liefertermin', 'Preisliste 2027 schicken', 'Referenzbesuch organisieren', 'Wartungstermin abstimmen',
  'Ansprechpartner im Einkauf klären', 'Schulungstermine vorschlagen', 'Rechnungsfrage klären', 'Ersatzteilbedarf abfragen',
] as const
const VISITS: ReadonlyArray<[AppointmentKind, string]> = [
  ['visit', 'Besuch: Prüfstände besichtigen'], ['call', 'Telefonat: Angebot besprechen'], ['visit', 'Jahresgespräch'],
  ['video', 'Videokonferenz: Schulung planen'], ['visit', 'Besuch: Inbetriebnahme abstimmen'],
]
const PRIORITIES: readonly TaskPriority[] = ['normal', 'high', 'normal', 'low']

export interface DemoPlanningInput {
  companyId: string
  contactIds: string[]
  ownerIds: string[]
  /** The customer's address, where a visit takes place. */
  address: string
  /** The company's index in the demo data. */
  n: number
  nowMs: number
}

const DAY_MS = 86_400_000
const pad = (v: number) => String(v).padStart(2, '0')

/** The tasks and the appointment of one demo company; answers how many of each were written. */
export async function demoPlanning(trx: Transaction<Database>, p: DemoPlanningInput, now: string): Promise<{ tasks: number; appointments: number }> {
  const owner = p.ownerIds[p.n % p.ownerIds.length]!
  const colleague = p.ownerIds[(p.n + 1) % p.ownerIds.length]!
  const count = p.n % 2 === 0 ? 3 : 2
  for (let k = 0; k < count; k++) {
    const offset = ((p.n * 7 + k * 61) % 180) - 30
    const done = offset < -5 && p.n % 7 !== 0
    const repeating = k === 1 && p.n % 10 === 0
    await insertSynced(trx, 'tasks', {
      id: newId(), company_id: p.companyId, contact_id: p.contactIds[k % Math.max(1, p.contactIds.length)] ?? null,
      title: repeating ? 'Key-Account-Telefonat' : TASKS[(p.n + k * 3) % TASKS.length]!, due_date: day(p.nowMs + offset * DAY_MS),
      due_time: k === 0 && p.n % 3 === 0 ? `${pad(9 + (p.n % 8))}:${p.n % 2 === 0 ? '00' : '30'}` : null,
      priority: PRIORITIES[(p.n + k) % PRIORITIES.length]!,
      // Every fifth company's first task was set by a colleague (inside sales for the field rep).
      owner_id: owner, created_by: k === 0 && p.n % 5 === 0 ? colleague : owner,
      status: done ? 'done' : 'open', done_at: done ? new Date(p.nowMs + (offset + 1) * DAY_MS).toISOString() : null, outcome: done ? 'Erledigt, Kunde informiert' : '',
      ...(repeating ? { recurrence: 'monthly' as const, recurrence_interval: 1, recurrence_count: 12 } : {}),
    }, now)
  }
  const [kind, title] = VISITS[p.n % VISITS.length]!
  const offset = (p.n % 400) - 30
  const hour = 8 + (p.n % 9)
  const start = `${day(p.nowMs + offset * DAY_MS)}T${pad(hour)}:${p.n % 2 === 0 ? '00' : '30'}`
  const end = `${start.slice(0, 11)}${pad(hour + (kind === 'visit' ? 2 : 1))}:${start.slice(14)}`
  const appointmentId = newId()
  await insertSynced(trx, 'appointments', {
    id: appointmentId, company_id: p.companyId, kind, title, starts_at: start, ends_at: end, location: kind === 'visit' ? p.address : '',
    owner_id: owner, created_by: owner, status: offset < 0 && p.n % 3 !== 0 ? 'done' : 'planned',
  }, now)
  for (const contactId of p.contactIds.slice(0, 1 + (p.n % 2))) {
    await insertSynced(trx, 'appointment_participants', { id: newId(), appointment_id: appointmentId, company_id: p.companyId, contact_id: contactId }, now)
  }
  if (p.n % 3 === 0) await insertSynced(trx, 'appointment_participants', { id: newId(), appointment_id: appointmentId, company_id: p.companyId, user_id: colleague }, now)
  return { tasks: count, appointments: 1 }
}
