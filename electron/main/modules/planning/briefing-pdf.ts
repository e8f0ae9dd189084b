// The visit briefing as PDF (A4, one or two pages): a title, the customer's line, then one heading per section
// with a table or a few lines under it — a working paper for the lobby, not a letter (no address field). Made
// with pdfmake and the Roboto it ships, through the letters' pdf-render.ts (embedded as subsets); no file but
// the fonts is read and no URL fetched. Deterministic: the creation date is the briefing's own time.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import { translate, translateEnum } from '../../../../shared/i18n'
import type { Language } from '../../../../shared/modules/customers'
import type { Briefing } from '../../../../shared/modules/planning/briefing.schema'
import { berlinDay } from '../../../../shared/platform/berlin-time'
import { COLOURS } from '../../platform/documents/din5008-letter'
import { HEADING_LEVEL, colour } from '../../platform/documents/pdf-blocks'
import { createPdfBuffer } from '../../platform/documents/pdf-render'
import {
  appointmentTime, companyLine, dayText, instantText, kindText, money, personLabels, promiseState, scoreText, slaText, touchpointText,
} from './briefing-format'

const FONT = 'Roboto'
const mm = (v: number) => (v * 72) / 25.4
const MUTED = colour(COLOURS.muted)
const BRAND = colour(COLOURS.brand)
const WARN = '#A23B00'
const SIZE = 9
const A4_HEIGHT = 841.89
const BOTTOM = mm(16)
/** Room a heading needs below it (its rule and two rows), in points. */
const KEEP_WITH_HEADING = 70

function heading(text: string): Content {
  return {
    stack: [
      { text, bold: true, fontSize: 11.5, color: BRAND },
      { canvas: [{ type: 'line', x1: 0, y1: 2, x2: mm(174), y2: 2, lineWidth: 0.5, lineColor: colour(COLOURS.rule) }] },
    ],
    headlineLevel: HEADING_LEVEL, margin: [0, 12, 0, 5],
  }
}

const muted = (text: string): Content => ({ text, color: MUTED, italics: true, margin: [0, 0, 0, 2] })

/**
 * A table with thin rules between rows and no row split; with a heading row (shaded, repeated on every page)
 * unless `head` is empty.
 */
function table(widths: (number | string)[], head: string[], rows: TableCell[][]): Content {
  const header = head.map((h): TableCell => ({ text: h, bold: true, fontSize: 8, color: MUTED, fillColor: colour(COLOURS.shade) }))
  return {
    table: { headerRows: head.length > 0 ? 1 : 0, dontBreakRows: true, widths, body: head.length > 0 ? [header, ...rows] : rows },
    layout: {
      hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : 0.5), vLineWidth: () => 0, hLineColor: () => colour(COLOURS.rule),
      paddingLeft: (i) => (i === 0 ? 3 : 5), paddingRight: () => 3, paddingTop: () => 2.5, paddingBottom: () => 2.5,
    },
  }
}

/** Label/value rows without rules (the appointment, the satisfaction). */
function labels(rows: [string, string | Content][]): Content {
  return {
    table: { widths: [mm(34), '*'], body: rows.map(([k, v]): TableCell[] => [{ text: k, color: MUTED }, typeof v === 'string' ? { text: v } : v]) },
    layout: 'noBorders',
  }
}

const lines = (...parts: (Content | null | false | '')[]): Content => ({ stack: parts.filter((p): p is Content => Boolean(p)) })

function appointmentSection(l: Language, b: Briefing): Content[] {
  const a = b.appointment
  if (!a) return [heading(translate(l, 'briefing.appointment.heading')), muted(translate(l, 'briefing.appointment.none'))]
  const ours = [a.ownerName, ...a.colleagues].filter(Boolean).join(', ')
  return [
    heading(`${translate(l, 'briefing.appointment.heading')}: ${a.title}`),
    labels([
      [translate(l, 'briefing.appointment.when'), { text: appointmentTime(l, a), bold: true }],
      [translate(l, 'briefing.appointment.kind'), kindText(l, a)],
      ...(a.location ? [[translate(l, 'briefing.appointment.where'), a.location] as [string, string]] : []),
      ...(ours ? [[translate(l, 'briefing.appointment.ours'), ours] as [string, string]] : []),
      ...(a.notes ? [[translate(l, 'briefing.appointment.notes'), a.notes] as [string, string]] : []),
    ]),
  ]
}

function peopleSection(l: Language, b: Briefing): Content[] {
  const out: Content[] = [heading(translate(l, 'briefing.people.heading'))]
  if (b.people.length === 0) return [...out, muted(translate(l, 'briefing.people.none'))]
  if (b.peopleFrom === 'buyingCenter') out.push(muted(translate(l, 'briefing.people.buyingCenter')))
  const rows = b.people.map((p): TableCell[] => {
    const x = personLabels(l, p)
    return [
      lines({ text: p.name, bold: true }, p.jobFunction && { text: p.jobFunction, color: MUTED, fontSize: 8 }),
      { text: x.role }, { text: x.influence }, { text: x.attitude, color: p.attitude === 'sceptic' ? WARN : undefined },
      lines(
        p.worries && { text: [{ text: `${translate(l, 'briefing.people.worries')}: `, color: MUTED }, p.worries] },
        p.caresAbout && { text: [{ text: `${translate(l, 'briefing.people.caresAbout')}: `, color: MUTED }, p.caresAbout] },
      ),
    ]
  })
  out.push(table([mm(36), mm(24), mm(15), mm(19), '*'], [
    translate(l, 'briefing.people.name'), translate(l, 'briefing.people.role'), translate(l, 'briefing.people.influence'), translate(l, 'briefing.people.attitude'), `${translate(l, 'briefing.people.worries')} / ${translate(l, 'briefing.people.caresAbout')}`,
  ], rows))
  return out
}

function worriesSection(l: Language, b: Briefing): Content[] {
  const w = b.worries
  const out: Content[] = [heading(translate(l, 'briefing.worries.heading'))]
  if (!w) return [...out, muted(translate(l, 'briefing.worries.none'))]
  return [...out, {
    table: { widths: ['*'], body: [[lines(
      { text: translate(l, 'briefing.worries.from', { date: dayText(l, w.heldAt) }), color: MUTED, fontSize: 8, margin: [0, 0, 0, 2] },
      { text: w.worries, fontSize: 10 },
      w.openOfferNumbers.length > 0 && { text: translate(l, 'briefing.worries.openOffers', { offers: w.openOfferNumbers.join(', ') }), color: MUTED, fontSize: 8, margin: [0, 3, 0, 0] },
    )]] },
    layout: { hLineWidth: () => 0, vLineWidth: (i) => (i === 0 ? 2 : 0), vLineColor: () => WARN, fillColor: () => '#FFF4E5', paddingLeft: () => 8, paddingRight: () => 6, paddingTop: () => 5, paddingBottom: () => 5 },
  }]
}

function offersSection(l: Language, b: Briefing): Content[] {
  const out: Content[] = [heading(translate(l, 'briefing.offers.heading'))]
  if (b.offers.length === 0) return [...out, muted(translate(l, 'briefing.offers.none'))]
  const rows = b.offers.map((o): TableCell[] => [
    { text: o.number, bold: true }, { text: translateEnum(l, 'offerStatus', o.status) },
    { text: `${dayText(l, o.offerDate)} / ${dayText(l, o.validUntil)}` }, { text: money(l, o.grossCents), alignment: 'right' },
    o.nextFollowUp
      ? lines({ text: dayText(l, o.nextFollowUp.dueDate) }, { text: translateEnum(l, 'followUpKind', o.nextFollowUp.kind), color: MUTED, fontSize: 8 })
      : { text: translate(l, 'briefing.offers.noFollowUp'), color: MUTED },
  ])
  return [...out, table([mm(42), mm(24), mm(40), mm(26), '*'], [
    translate(l, 'briefing.offers.number'), translate(l, 'briefing.offers.status'), translate(l, 'briefing.offers.dates'), translate(l, 'briefing.offers.value'), translate(l, 'briefing.offers.nextFollowUp'),
  ], rows)]
}

function contractsSection(l: Language, b: Briefing): Content[] {
  const out: Content[] = [heading(translate(l, 'briefing.contracts.heading'))]
  if (b.contracts.length === 0) return [...out, muted(translate(l, 'briefing.contracts.none'))]
  const next = b.nextCancelBy
  if (next) out.push({ text: translate(l, 'briefing.contracts.nextCancelBy', { date: dayText(l, next.cancelBy), number: next.number, amount: money(l, next.annualValueCents) }), bold: true, color: WARN, margin: [0, 0, 0, 4] })
  const rows = b.contracts.map((k): TableCell[] => [
    lines({ text: k.number, bold: true }, { text: k.title, color: MUTED, fontSize: 8 }), { text: translateEnum(l, 'contractStatus', k.status) },
    { text: dayText(l, k.endDate) }, { text: k.cancelBy ? dayText(l, k.cancelBy) : '–', bold: k.cancelBy === next?.cancelBy }, { text: money(l, k.annualValueCents), alignment: 'right' },
  ])
  return [...out, table(['*', mm(30), mm(24), mm(24), mm(28)], [
    translate(l, 'briefing.contracts.number'), translate(l, 'briefing.contracts.status'), translate(l, 'briefing.contracts.endDate'), translate(l, 'briefing.contracts.cancelBy'), translate(l, 'briefing.contracts.annualValue'),
  ], rows)]
}

function casesSection(l: Language, b: Briefing): Content[] {
  const out: Content[] = [heading(translate(l, 'briefing.cases.heading'))]
  if (b.cases.length === 0) return [...out, muted(translate(l, 'briefing.cases.none'))]
  const rows = b.cases.map((c): TableCell[] => [
    lines({ text: c.number, bold: true }, { text: translateEnum(l, 'caseType', c.type), color: MUTED, fontSize: 8 }), { text: c.subject },
    lines({ text: translateEnum(l, 'caseStatus', c.status) }, { text: translateEnum(l, 'priority', c.priority), color: MUTED, fontSize: 8 }),
    lines({ text: slaText(l, c) }, { text: translate(l, c.overdue ? 'briefing.cases.overdue' : 'briefing.cases.inTime'), bold: c.overdue, color: c.overdue ? WARN : MUTED, fontSize: 8 }),
  ])
  return [...out, table([mm(30), '*', mm(28), mm(52)], [], rows)]
}

/** A score with the customer's words, quoted as the language quotes. */
const withComment = (l: Language, score: string, comment: string | undefined): string =>
  (comment ? `${score} – ${l === 'de' ? `„${comment}“` : `“${comment}”`}` : score)

function satisfactionSection(l: Language, b: Briefing): Content[] {
  const s = b.satisfaction
  const rating = s.caseRating ? `${scoreText(l, s.caseRating, 5)} · ${s.caseRating.comment}` : scoreText(l, null, 5)
  return [heading(translate(l, 'briefing.satisfaction.heading')), labels([
    [translate(l, 'briefing.satisfaction.nps'), withComment(l, scoreText(l, s.nps, 10), s.nps?.comment)],
    [translate(l, 'briefing.satisfaction.satisfaction'), withComment(l, scoreText(l, s.satisfaction, 5), s.satisfaction?.comment)],
    [translate(l, 'briefing.satisfaction.caseRating'), rating],
  ])]
}

function promisesSection(l: Language, b: Briefing): Content[] {
  const out: Content[] = [heading(translate(l, 'briefing.promises.heading'))]
  if (b.promises.length === 0) return [...out, muted(translate(l, 'briefing.promises.none'))]
  const rows = b.promises.map((p): TableCell[] => [
    lines({ text: p.title }, p.contactName && { text: translate(l, 'briefing.promises.to', { name: p.contactName }), color: MUTED, fontSize: 8 }),
    { text: promiseState(l, p, b.today), color: p.overdue ? WARN : undefined, bold: p.overdue },
  ])
  return [...out, table(['*', mm(62)], [], rows)]
}

function touchpointsSection(l: Language, b: Briefing): Content[] {
  const out: Content[] = [heading(translate(l, 'briefing.touchpoints.heading'))]
  if (b.touchpoints.length === 0) return [...out, muted(translate(l, 'briefing.touchpoints.none'))]
  const rows = b.touchpoints.map((t): TableCell[] => [
    lines({ text: dayText(l, berlinDay(t.occurredAt)) }, { text: translateEnum(l, 'channel', t.channel), color: MUTED, fontSize: 8 }),
    lines({ text: touchpointText(l, t) }, t.contactName && { text: t.contactName, color: MUTED, fontSize: 8 }),
  ])
  return [...out, table([mm(26), '*'], [], rows)]
}

/** The pdfmake document of a briefing; `pages.count` holds the page count once laid out. */
export function briefingDefinition(l: Language, b: Briefing, pages = { count: 0 }): TDocumentDefinitions {
  const at = instantText(l, b.generatedAt)
  const title = translate(l, 'briefing.title')
  return {
    pageSize: 'A4',
    pageMargins: [mm(18), mm(15), mm(18), BOTTOM],
    info: { title: `${title} ${b.companyName}`, author: 'Kundenreise', creator: 'Kundenreise', producer: 'Kundenreise', creationDate: new Date(b.generatedAt), modDate: new Date(b.generatedAt) },
    language: l,
    defaultStyle: { font: FONT, fontSize: SIZE, lineHeight: 1.15 },
    footer: (current, total) => {
      pages.count = total
      return { text: translate(l, 'briefing.pdfFooter', { company: b.companyName, at, page: String(current), pages: String(total) }), fontSize: 7.5, color: MUTED, alignment: 'right', margin: [mm(18), mm(6), mm(18), 0] }
    },
    content: [
      { text: title.toUpperCase(), fontSize: 8.5, bold: true, color: BRAND, characterSpacing: 1 },
      { text: b.companyName, fontSize: 17, bold: true, margin: [0, 2, 0, 2] },
      { text: companyLine(l, b), color: MUTED, margin: [0, 0, 0, 2] },
      { text: translate(l, 'briefing.asOf', { at }), color: MUTED, fontSize: 8 },
      ...appointmentSection(l, b),
      ...peopleSection(l, b),
      ...worriesSection(l, b),
      ...offersSection(l, b),
      ...contractsSection(l, b),
      ...casesSection(l, b),
      ...promisesSection(l, b),
      ...satisfactionSection(l, b),
      ...touchpointsSection(l, b),
    ],
    // A heading is never the last thing on a page: one that starts in the page's last few lines moves to the
    // next page, with what it heads (the heading is a stack with its rule, so "nothing follows it" never holds).
    pageBreakBefore: (node) => node.headlineLevel === HEADING_LEVEL && node.startPosition.top > A4_HEIGHT - BOTTOM - KEEP_WITH_HEADING,
  }
}

/** The briefing as PDF bytes, with its page count. */
export async function briefingPdfBuffer(l: Language, b: Briefing): Promise<{ buffer: Buffer; pageCount: number }> {
  const pages = { count: 0 }
  const buffer = await createPdfBuffer(briefingDefinition(l, b, pages))
  return { buffer, pageCount: pages.count }
}
