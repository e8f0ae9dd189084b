// The visit briefing's sections as cards (the PDF shows the same, electron/main/modules/planning/briefing-pdf.ts):
// appointment, unanswered worries, who will be there, open offers, contracts, open cases, promises,
// satisfaction and the last touchpoints. Links lead to the records while the app is reachable.
import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { touchpointLine } from '../../../../shared/i18n/event-text'
import type { Briefing, BriefingCase, BriefingPromise, BriefingScore } from '../../../../shared/modules/planning'
import { berlinDay } from '../../../../shared/platform/berlin-time'
import { formatCents } from '../../../../shared/platform/money'
import { Badge } from '../../components/page'
import { useI18n } from '../../lib/i18n'

function Card({ id, title, wide, children }: { id: string; title: string; wide?: boolean; children: ReactNode }) {
  return (
    <section className={`card${wide ? ' card--wide' : ''}`} aria-labelledby={`briefing-${id}`}>
      <div className="card__header"><h2 id={`briefing-${id}`}>{title}</h2></div>
      {children}
    </section>
  )
}

/** Day "YYYY-MM-DD" as the reader writes it. */
function useDay() {
  const { date } = useI18n()
  return (day: string) => date(`${day.slice(0, 10)}T12:00:00Z`)
}

export function AppointmentCard({ b }: { b: Briefing }) {
  const { t } = useI18n()
  const day = useDay()
  const a = b.appointment
  if (!a) return <Card id="appointment" title={t('briefing.appointment.heading')}><p className="muted">{t('briefing.appointment.none')}</p></Card>
  const to = a.endsAt.slice(0, 10) === a.startsAt.slice(0, 10) ? a.endsAt.slice(11, 16) : `${day(a.endsAt)} ${a.endsAt.slice(11, 16)}`
  const ours = [a.ownerName, ...a.colleagues].filter(Boolean).join(', ')
  return (
    <Card id="appointment" title={`${t('briefing.appointment.heading')}: ${a.title}`}>
      <dl className="details">
        <div className="details__item"><dt>{t('briefing.appointment.when')}</dt><dd><strong>{t('briefing.appointment.time', { day: day(a.startsAt), from: a.startsAt.slice(11, 16), to })}</strong></dd></div>
        <div className="details__item"><dt>{t('briefing.appointment.kind')}</dt><dd>{t(`briefing.kind.${a.kind}`)}</dd></div>
        {a.location ? <div className="details__item"><dt>{t('briefing.appointment.where')}</dt><dd>{a.location}</dd></div> : null}
        {ours ? <div className="details__item"><dt>{t('briefing.appointment.ours')}</dt><dd>{ours}</dd></div> : null}
        {a.notes ? <div className="details__item"><dt>{t('briefing.appointment.notes')}</dt><dd className="prewrap">{a.notes}</dd></div> : null}
      </dl>
    </Card>
  )
}

export function WorriesCard({ b }: { b: Briefing }) {
  const { t } = useI18n()
  const day = useDay()
  const w = b.worries
  return (
    <Card id="worries" title={t('briefing.worries.heading')}>
      {w ? (
        <div className="notice notice--warn">
          <p className="small">{t('briefing.worries.from', { date: day(w.heldAt) })}</p>
          <p className="prewrap"><strong>{w.worries}</strong></p>
          {w.openOfferNumbers.length > 0 ? <p className="small">{t('briefing.worries.openOffers', { offers: w.openOfferNumbers.join(', ') })}</p> : null}
        </div>
      ) : <p className="muted">{t('briefing.worries.none')}</p>}
    </Card>
  )
}

export function PeopleCard({ b }: { b: Briefing }) {
  const { t, enumLabel } = useI18n()
  return (
    <Card id="people" title={t('briefing.people.heading')} wide>
      {b.peopleFrom === 'buyingCenter' && b.people.length > 0 ? <p className="muted">{t('briefing.people.buyingCenter')}</p> : null}
      {b.people.length === 0 ? <p className="muted">{t('briefing.people.none')}</p> : (
        <table className="data-table" aria-label={t('briefing.people.heading')}>
          <thead>
            <tr><th>{t('briefing.people.name')}</th><th>{t('briefing.people.role')}</th><th>{t('briefing.people.influence')}</th><th>{t('briefing.people.attitude')}</th><th>{t('briefing.people.worries')} / {t('briefing.people.caresAbout')}</th></tr>
          </thead>
          <tbody>
            {b.people.map((p) => (
              <tr key={p.contactId}>
                <td><strong>{p.name}</strong>{p.jobFunction ? <div className="muted small">{p.jobFunction}</div> : null}</td>
                <td>{p.buyingRole ? enumLabel('buyingRole', p.buyingRole) : '–'}</td>
                <td>{p.influence ? enumLabel('influence', p.influence) : '–'}</td>
                <td>{p.attitude ? <Badge tone={p.attitude === 'sceptic' ? 'warn' : p.attitude === 'supporter' ? 'good' : 'neutral'}>{enumLabel('attitude', p.attitude)}</Badge> : '–'}</td>
                <td>
                  {p.worries ? <div><span className="muted">{t('briefing.people.worries')}:</span> {p.worries}</div> : null}
                  {p.caresAbout ? <div><span className="muted">{t('briefing.people.caresAbout')}:</span> {p.caresAbout}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  )
}

export function OffersCard({ b }: { b: Briefing }) {
  const { t, enumLabel, language } = useI18n()
  const day = useDay()
  return (
    <Card id="offers" title={t('briefing.offers.heading')} wide>
      {b.offers.length === 0 ? <p className="muted">{t('briefing.offers.none')}</p> : (
        <table className="data-table" aria-label={t('briefing.offers.heading')}>
          <thead><tr><th>{t('briefing.offers.number')}</th><th>{t('briefing.offers.status')}</th><th>{t('briefing.offers.dates')}</th><th className="num">{t('briefing.offers.value')}</th><th>{t('briefing.offers.nextFollowUp')}</th></tr></thead>
          <tbody>
            {b.offers.map((o) => (
              <tr key={o.id}>
                <td><Link to={`/offers/${o.id}`}>{o.number}</Link></td>
                <td>{enumLabel('offerStatus', o.status)}</td>
                <td>{day(o.offerDate)} / {day(o.validUntil)}</td>
                <td className="num">{formatCents(o.grossCents, language)}</td>
                <td>{o.nextFollowUp ? <>{day(o.nextFollowUp.dueDate)} <span className="muted small">· {enumLabel('followUpKind', o.nextFollowUp.kind)}</span></> : <span className="muted">{t('briefing.offers.noFollowUp')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  )
}

export function ContractsCard({ b }: { b: Briefing }) {
  const { t, enumLabel, language } = useI18n()
  const day = useDay()
  const next = b.nextCancelBy
  return (
    <Card id="contracts" title={t('briefing.contracts.heading')} wide>
      {next ? <p className="notice notice--warn"><strong>{t('briefing.contracts.nextCancelBy', { date: day(next.cancelBy), number: next.number, amount: formatCents(next.annualValueCents, language) })}</strong></p> : null}
      {b.contracts.length === 0 ? <p className="muted">{t('briefing.contracts.none')}</p> : (
        <table className="data-table stack-gap" aria-label={t('briefing.contracts.heading')}>
          <thead><tr><th>{t('briefing.contracts.number')}</th><th>{t('briefing.contracts.status')}</th><th>{t('briefing.contracts.endDate')}</th><th>{t('briefing.contracts.cancelBy')}</th><th className="num">{t('briefing.contracts.annualValue')}</th></tr></thead>
          <tbody>
            {b.contracts.map((k) => (
              <tr key={k.id}>
                <td><Link to={`/contracts/${k.id}`}>{k.number}</Link> <span className="muted small">· {k.title}</span></td>
                <td>{enumLabel('contractStatus', k.status)}</td>
                <td>{day(k.endDate)}</td>
                <td>{k.cancelBy ? (k.cancelBy === next?.cancelBy ? <strong>{day(k.cancelBy)}</strong> : day(k.cancelBy)) : '–'}</td>
                <td className="num">{formatCents(k.annualValueCents, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  )
}

function SlaLine({ c }: { c: BriefingCase }) {
  const { t, dateTime } = useI18n()
  const due = c.slaDue ?? (c.slaStage === 'acknowledge' ? c.acknowledgeDue : c.resolveDue)
  const at = dateTime(due)
  return (
    <>
      {t(c.slaStage === 'acknowledge' ? 'briefing.cases.acknowledgeDue' : 'briefing.cases.resolveDue', { at })}{' '}
      <Badge tone={c.overdue ? 'warn' : 'good'}>{t(c.overdue ? 'briefing.cases.overdue' : 'briefing.cases.inTime')}</Badge>
    </>
  )
}

export function CasesCard({ b }: { b: Briefing }) {
  const { t, enumLabel } = useI18n()
  return (
    <Card id="cases" title={t('briefing.cases.heading')} wide>
      {b.cases.length === 0 ? <p className="muted">{t('briefing.cases.none')}</p> : (
        <table className="data-table" aria-label={t('briefing.cases.heading')}>
          <tbody>
            {b.cases.map((c) => (
              <tr key={c.id}>
                <td><Link to={`/cases/${c.id}`}>{c.number}</Link><div className="muted small">{enumLabel('caseType', c.type)}</div></td>
                <td>{c.subject}</td>
                <td>{enumLabel('caseStatus', c.status)}<div className="muted small">{enumLabel('priority', c.priority)}</div></td>
                <td><SlaLine c={c} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  )
}

function promiseState(p: BriefingPromise, today: string, t: ReturnType<typeof useI18n>['t'], day: (d: string) => string): string {
  const status = t(`promise.status.${p.status}`)
  if (p.status !== 'open') return p.doneAt ? `${status} ${t('briefing.promises.done', { date: day(berlinDay(p.doneAt)) })}` : status
  const due = p.dueDate < today ? t('briefing.promises.overdue', { date: day(p.dueDate) }) : t('briefing.promises.due', { date: day(p.dueDate) })
  return p.changedAt ? `${due} · ${t('briefing.promises.changed')}` : due
}

export function PromisesCard({ b }: { b: Briefing }) {
  const { t } = useI18n()
  const day = useDay()
  return (
    <Card id="promises" title={t('briefing.promises.heading')}>
      {b.promises.length === 0 ? <p className="muted">{t('briefing.promises.none')}</p> : (
        <ul className="plain-list">
          {b.promises.map((p) => (
            <li key={p.id}>
              {p.title}{p.contactName ? <span className="muted small"> · {t('briefing.promises.to', { name: p.contactName })}</span> : null}
              <div className={p.overdue ? 'small sla--overdue' : 'small muted'}>{promiseState(p, b.today, t, day)}</div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}

export function SatisfactionCard({ b }: { b: Briefing }) {
  const { t } = useI18n()
  const day = useDay()
  const score = (s: BriefingScore | null, max: number, comment = s?.comment ?? '') => s
    ? `${t('briefing.satisfaction.score', { score: String(s.score), max: String(max), date: day(s.day) })}${comment ? ` – ${comment}` : ''}`
    : t('briefing.satisfaction.none')
  return (
    <Card id="satisfaction" title={t('briefing.satisfaction.heading')}>
      <dl className="details">
        <div className="details__item"><dt>{t('briefing.satisfaction.nps')}</dt><dd>{score(b.satisfaction.nps, 10)}</dd></div>
        <div className="details__item"><dt>{t('briefing.satisfaction.satisfaction')}</dt><dd>{score(b.satisfaction.satisfaction, 5)}</dd></div>
        <div className="details__item"><dt>{t('briefing.satisfaction.caseRating')}</dt><dd>{score(b.satisfaction.caseRating, 5)}</dd></div>
      </dl>
    </Card>
  )
}

export function TouchpointsCard({ b }: { b: Briefing }) {
  const { t, language, enumLabel, dateTime } = useI18n()
  return (
    <Card id="touchpoints" title={t('briefing.touchpoints.heading')} wide>
      {b.touchpoints.length === 0 ? <p className="muted">{t('briefing.touchpoints.none')}</p> : (
        <table className="data-table" aria-label={t('briefing.touchpoints.heading')}>
          <tbody>
            {b.touchpoints.map((p) => (
              <tr key={p.id}>
                <td className="nowrap">{dateTime(p.occurredAt)}<div className="muted small">{enumLabel('channel', p.channel)}</div></td>
                <td>{touchpointLine(language, p)}{p.contactName ? <div className="muted small">{p.contactName}</div> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  )
}
