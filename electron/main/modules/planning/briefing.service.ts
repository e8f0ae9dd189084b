// The visit briefing ("Besuchsvorbereitung", issue 16): everything a rep should know before meeting a customer,
// put together from local data only (docs/briefing.md) — on screen (`getBriefing`), as PDF (`briefingPdf`), and
// for every planned appointment of the coming days with its PDF, which the renderer keeps for offline use
// (`upcomingBriefings`). It writes nothing.
import type { Language } from '../../../../shared/modules/customers'
import type { Briefing, BriefingFile, BriefingQuery } from '../../../../shared/modules/planning/briefing.schema'
import { translate } from '../../../../shared/i18n'
import { addCalendarDays } from '../../../../shared/platform/calendar/calendar-days'
import type { ExportFile } from '../../../../shared/platform/export-file'
import { nowIso, todayOf, type ServiceContext } from '../../platform/context'
import { documentFileName } from '../../platform/documents/document-files'
import { briefingAppointment, briefingCompany, briefingPeople } from './briefing-people'
import { briefingPdfBuffer } from './briefing-pdf'
import {
  briefingCases, briefingContracts, briefingOffers, briefingPromises, briefingSatisfaction, briefingTouchpoints, briefingWorries,
} from './briefing-records'

/** The briefing of a customer for an appointment (given, else the customer's next planned one, else none). */
export async function getBriefing(ctx: ServiceContext, q: BriefingQuery): Promise<Briefing> {
  const generatedAt = nowIso(ctx)
  const today = todayOf(ctx)
  const company = await briefingCompany(ctx.db, q.companyId)
  const appointment = await briefingAppointment(ctx.db, company, q.appointmentId, today)
  const { from, people } = await briefingPeople(ctx.db, company.id, appointment?.id ?? null)
  const contracts = await briefingContracts(ctx.db, company.id, today)
  const next = contracts.find((k) => k.cancelBy !== null)
  return {
    companyId: company.id, companyName: company.name, customerNumber: company.customerNumber, address: company.address, ownerName: company.ownerName,
    appointmentId: appointment?.id ?? '', appointment, peopleFrom: from, people,
    offers: await briefingOffers(ctx.db, company.id),
    contracts,
    nextCancelBy: next?.cancelBy ? { contractId: next.id, number: next.number, cancelBy: next.cancelBy, annualValueCents: next.annualValueCents } : null,
    cases: await briefingCases(ctx.db, company.id, generatedAt),
    satisfaction: await briefingSatisfaction(ctx.db, company.id),
    worries: await briefingWorries(ctx.db, company.id),
    promises: await briefingPromises(ctx, company.id, today),
    touchpoints: await briefingTouchpoints(ctx, company.id),
    generatedAt, today,
  }
}

/** `Besuchsvorbereitung-<Firma>-<Tag>-<tag>.pdf`: the company name is untrusted text, made safe (document-files.ts). */
function fileNameOf(language: Language, b: Briefing): string {
  const day = b.appointment?.startsAt.slice(0, 10) ?? b.today
  return documentFileName({ kind: translate(language, 'briefing.fileName'), number: b.companyName, qualifiers: [day], recordId: b.appointmentId || b.companyId, extension: 'pdf' })
}

async function pdfOf(language: Language, b: Briefing): Promise<ExportFile> {
  const { buffer, pageCount } = await briefingPdfBuffer(language, b)
  return { fileName: fileNameOf(language, b), base64: buffer.toString('base64'), mimeType: 'application/pdf', rows: pageCount }
}

/** The briefing as PDF in the reader's language (`rows`: its page count). */
export async function briefingPdf(ctx: ServiceContext, q: BriefingQuery & { language: Language }): Promise<ExportFile> {
  return pdfOf(q.language, await getBriefing(ctx, q))
}

/** At most this many briefings travel at once (a rep's week has far fewer visits). */
const MAX_UPCOMING = 60

/**
 * The briefing files made last, by what they show (everything but the time they were made) and language: the
 * prefetch asks again after every change, and a PDF costs pdfmake a few hundred milliseconds, so a briefing
 * whose content did not change keeps its file — and the time it was made, which its PDF prints as "Stand".
 */
const made = new Map<string, BriefingFile>()
const MAX_MADE = 200
const contentKey = (language: Language, b: Briefing): string => JSON.stringify([language, { ...b, generatedAt: '' }])

async function fileOf(language: Language, briefing: Briefing, startsAt: string): Promise<BriefingFile> {
  const key = contentKey(language, briefing)
  const kept = made.get(key)
  if (kept) return kept
  const pdf = await pdfOf(language, briefing)
  const file: BriefingFile = { appointmentId: briefing.appointmentId, companyId: briefing.companyId, startsAt, briefing, fileName: pdf.fileName, base64: pdf.base64 }
  if (made.size >= MAX_MADE) made.delete(made.keys().next().value!)
  made.set(key, file)
  return file
}

/** Lets other requests in between two PDFs (pdfmake keeps the process busy while it lays one out). */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * The briefings, each with its PDF, of every planned appointment of this user (owner or colleague taking part)
 * from today on for `days` calendar days (today included, so 7 days end on the day before next week's weekday);
 * appointments of deleted customers are left out. The renderer keeps them for offline use.
 */
export async function upcomingBriefings(ctx: ServiceContext, q: { days: number; language: Language }): Promise<BriefingFile[]> {
  const today = todayOf(ctx)
  const rows = await ctx.db.selectFrom('appointments as a').innerJoin('companies as c', 'c.id', 'a.company_id')
    .select(['a.id', 'a.company_id', 'a.starts_at'])
    .where('a.deleted_at', 'is', null).where('c.deleted_at', 'is', null).where('a.status', '=', 'planned')
    .where('a.starts_at', '>=', `${today}T00:00`).where('a.starts_at', '<', `${addCalendarDays(today, q.days)}T00:00`)
    .where((eb) => eb.or([
      eb('a.owner_id', '=', ctx.userId),
      eb.exists(eb.selectFrom('appointment_participants as p').select('p.id')
        .whereRef('p.appointment_id', '=', 'a.id').where('p.user_id', '=', ctx.userId).where('p.deleted_at', 'is', null)),
    ]))
    .orderBy('a.starts_at').orderBy('a.id').limit(MAX_UPCOMING).execute()
  const files: BriefingFile[] = []
  for (const r of rows) {
    files.push(await fileOf(q.language, await getBriefing(ctx, { companyId: r.company_id, appointmentId: r.id }), r.starts_at))
    await yieldToOthers()
  }
  return files
}
