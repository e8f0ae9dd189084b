// The visit briefing's values as a reader writes them, for the PDF: German wall-clock times, days, money,
// labels of closed lists, the lines of sections that are sentences (appointment time, service level, scores).
import { formatDate, formatDateTime, translate, translateEnum } from '../../../../shared/i18n'
import { touchpointLine } from '../../../../shared/i18n/event-text'
import type { Language } from '../../../../shared/modules/customers'
import type { Briefing, BriefingAppointment, BriefingCase, BriefingPerson, BriefingPromise, BriefingScore, BriefingTouchpoint } from '../../../../shared/modules/planning/briefing.schema'
import { berlinDay } from '../../../../shared/platform/berlin-time'
import { formatCents } from '../../../../shared/platform/money'

/** A day "YYYY-MM-DD" as the reader writes it (TT.MM.JJJJ, DD/MM/YYYY). */
export const dayText = (language: Language, day: string): string => formatDate(language, `${day.slice(0, 10)}T12:00:00Z`)
export const instantText = (language: Language, iso: string): string => formatDateTime(language, iso)
export const money = (language: Language, cents: number): string => formatCents(cents, language)

export function appointmentTime(language: Language, a: BriefingAppointment): string {
  const from = a.startsAt.slice(11, 16)
  const to = a.endsAt.slice(0, 10) === a.startsAt.slice(0, 10) ? a.endsAt.slice(11, 16) : `${dayText(language, a.endsAt)} ${a.endsAt.slice(11, 16)}`
  return translate(language, 'briefing.appointment.time', { day: dayText(language, a.startsAt), from, to })
}

export const kindText = (language: Language, a: BriefingAppointment): string => translate(language, `briefing.kind.${a.kind}`)

/** Role, influence and attitude as labels ('' where not known). */
export function personLabels(language: Language, p: BriefingPerson): { role: string; influence: string; attitude: string } {
  return {
    role: p.buyingRole ? translateEnum(language, 'buyingRole', p.buyingRole) : '',
    influence: p.influence ? translateEnum(language, 'influence', p.influence) : '',
    attitude: p.attitude ? translateEnum(language, 'attitude', p.attitude) : '',
  }
}

/** The next service-level deadline of an open case ("Lösung fällig 02.12.2026, 17:00") and whether it is missed. */
export function slaText(language: Language, c: BriefingCase): string {
  const due = c.slaDue ?? (c.slaStage === 'acknowledge' ? c.acknowledgeDue : c.resolveDue)
  const at = instantText(language, due)
  return translate(language, c.slaStage === 'acknowledge' ? 'briefing.cases.acknowledgeDue' : 'briefing.cases.resolveDue', { at })
}

export function scoreText(language: Language, s: BriefingScore | null, max: number): string {
  if (!s) return translate(language, 'briefing.satisfaction.none')
  return translate(language, 'briefing.satisfaction.score', { score: String(s.score), max: String(max), date: dayText(language, s.day) })
}

export function promiseState(language: Language, p: BriefingPromise, today: string): string {
  const status = translate(language, `promise.status.${p.status}`)
  if (p.status !== 'open') return p.doneAt ? `${status} ${translate(language, 'briefing.promises.done', { date: dayText(language, berlinDay(p.doneAt)) })}` : status
  const due = p.dueDate < today
    ? translate(language, 'briefing.promises.overdue', { date: dayText(language, p.dueDate) })
    : translate(language, 'briefing.promises.due', { date: dayText(language, p.dueDate) })
  return p.changedAt ? `${due} · ${translate(language, 'briefing.promises.changed')}` : due
}

export const touchpointText = (language: Language, t: BriefingTouchpoint): string => touchpointLine(language, t)

/** The headline facts under the company name: customer number, address, account owner. */
export function companyLine(language: Language, b: Briefing): string {
  return [
    b.customerNumber ? translate(language, 'briefing.customerNumber', { number: b.customerNumber }) : '',
    b.address,
    b.ownerName ? translate(language, 'briefing.owner', { name: b.ownerName }) : '',
  ].filter(Boolean).join(' · ')
}
