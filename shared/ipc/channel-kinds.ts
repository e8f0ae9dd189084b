// Which channels only read and which change data. Pages read with useData/fetchData (lib/api `call`,
// typed to read channels only); every change — a form's save, an action button — goes through
// useAction (lib/use-action.ts), the one guard against double submission. A channel named `.list`,
// `.get` or `reports.…` reads; the others that read are named here. Anything else changes data, so a
// new channel is guarded unless it is declared a read.
import type { Channel } from './channels'

type NamedRead = 'app.info' | 'companies.stationCounts' | 'timeline.forCompany' | 'sync.status' | 'sync.problems' | 'contracts.pipeline' | 'cases.workList' | 'worklist.ics'
  // List exports read the list and answer a file; they write nothing.
  | 'companies.export' | 'offers.export' | 'contacts.export' | 'contacts.vcard' | 'contracts.export' | 'touchpoints.export' | 'cases.export'
  | 'products.export' | 'referrals.export' | 'feedback.export'
  // Report exports: named `<report>.export`, not `reports.…`, so that they end in `.export` like every
  // list export and the dispatcher's privacy audit log records them (it keys on that ending).
  | 'orderRate.export' | 'renewalRate.export' | 'nps.export'
  // An import's dry run and its progress read the uploaded file and the data; they write nothing.
  | 'imports.analyse' | 'imports.progress'
  // The duplicate check while a company is typed reads only.
  | 'duplicates.check' | 'duplicates.checkContact'
  | 'personas.export'
  // What an erasure would touch, read for its confirmation.
  | 'erasures.preview'
  // The Art. 15 information reads everything about a person and answers two files; it writes nothing.
  | 'access.report'
  // The PDF of an offer shown on its page: made in memory, nothing saved.
  | 'offers.preview'
  // A mail's draft from its template (the .eml freezes an offer's revision: a change), the accounts without passwords.
  | 'mail.compose' | 'mailAccounts.get' | 'mailbox.attachment' | 'timeline.forRecord'
  // Issue 16: the week view, an appointment's invitation file (made in memory), the visit briefing and its PDF, the
  // briefings kept for offline use, the calendar subscription's state and the reminders due now: they write nothing.
  | 'appointments.week' | 'appointments.invitation' | 'briefing.pdf' | 'briefing.upcoming' | 'calendarFeed.status' | 'reminders.due'
  // Issue 17: the ERP import's dry run reads the file and the data, a company's ERP facts for its page.
  | 'erp.preview' | 'erp.forCompany'
  // Issue 17: a customer's station line and the journey map report read the journey history.
  | 'journey.history' | 'journey.map'
  // Issue 18: which team a company is in, for the "move to another team" dialog.
  | 'companies.teamOf'
  // Issue 19: the lead inbox.
  | 'leads.inbox'

export type ReadChannel = Extract<Channel, `${string}.list` | `${string}.get` | `reports.${string}` | NamedRead>
export type ChangeChannel = Exclude<Channel, ReadChannel>

/**
 * Changes that are meant to happen again with the same input ("sync now" twice a minute apart): a
 * double click still sends once (the running one is returned), but a later click is a new request.
 */
export const REPEATABLE_CHANNELS: ReadonlySet<ChangeChannel> = new Set<ChangeChannel>(['sync.now', 'sync.online', 'sync.dismissRejected', 'outbox.send', 'mailAccounts.test', 'mailbox.fetch', 'calendarFeed.create'])
