// The customer page: master data, current journey station, the buying center, and the timeline.
import { useState, type ReactNode } from 'react'
import { Link, useNavigate, useParams } from 'react-router-dom'
import type { TimelineEntry } from '../../../../shared/modules/customers/customer.types'
import { Badge, EmptyState, LoadError, PageHeader, StationBadge } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { ExportButtons } from '../../components/export-buttons'
import { call } from '../../lib/api'
import { useData } from '../../lib/use-data'
import { RecordPanels } from '../../components/record-panels'
import { CollapsibleText } from './collapsible-text'
import { CompanyTeamMove } from './company-team-move'
import { TouchpointItem } from './touchpoint-item'

const TIMELINE_PAGE = 50

export function CompanyPage() {
  const { t, date, language } = useI18n()
  const { run } = useAction()
  const { id = '' } = useParams()
  const navigate = useNavigate()
  const company = useData('companies.get', { id })
  const contacts = useData('contacts.list', { companyId: id, limit: 500 })
  const [timelineLimit, setTimelineLimit] = useState(TIMELINE_PAGE)
  const timeline = useData('timeline.forCompany', { companyId: id, limit: timelineLimit })
  const [error, setError] = useState<string | null>(null)
  const offers = useData('offers.list', { companyId: id, limit: 100 })
  const contracts = useData('contracts.list', { companyId: id, limit: 100 })
  const assets = useData('assets.list', { companyId: id })
  const cases = useData('cases.list', { companyId: id, status: '', limit: 100 })
  const referrals = useData('referrals.list', { companyId: id, limit: 100 })
  const feedback = useData('feedback.list', { companyId: id, limit: 100 })
  const conversations = useData('conversations.list', { companyId: id })

  if (company.error) return <LoadError message={company.error} />
  const c = company.data
  if (!c) return <p className="page">{t('common.loading')}</p>

  const remove = async () => {
    if (!window.confirm(t('common.confirmDelete', { name: c.name }))) return
    const result = await run('companies.delete', { id })
    if (result.ok) navigate('/companies')
    else setError(result.error.message)
  }

  const detail = (label: string, value: string) => (
    <div className="details__item">
      <dt>{label}</dt>
      <dd>{value || t('common.none')}</dd>
    </div>
  )

  return (
    <section className="page">
      <PageHeader
        title={c.name}
        subtitle={
          <>
            <Badge>{t(`enum.status.${c.status}`)}</Badge>{' '}
            <span className="journey-position">
              {t('company.currentStation')}: <StationBadge station={c.journey.station} />{' '}
              <span className="muted">({t('journey.because', { reason: t(`journey.reason.${c.journey.reason}`) })})</span>
            </span>
          </>
        }
        actions={
          <>
            <Link className="button" to={`/companies/${id}/edit`}>{t('common.edit')}</Link>
            <button type="button" className="button button--danger" onClick={() => void remove()}>{t('common.delete')}</button>
          </>
        }
      />
      {error ? <LoadError message={error} /> : null}
      <div className="company-layout">
        <div className="card">
          <h2>{t('company.details')}</h2>
          <dl className="details">
            {detail(t('company.customerNumber'), c.customerNumber)}
            {c.formerNumbers ? detail(t('company.formerNumbers'), c.formerNumbers.split(' ').join(', ')) : null}
            {detail(t('company.address'), [c.street, [c.postalCode, c.city].filter(Boolean).join(' ')].filter(Boolean).join(', '))}
            {detail(t('company.federalState'), c.federalState ? t(`enum.federalState.${c.federalState}`) : '')}
            {detail(t('company.industry'), c.industry)}
            {detail(t('company.segment'), c.segment ? t(`enum.segment.${c.segment}`) : '')}
            {detail(t('company.owner'), c.ownerName)}
            {detail(t('company.leadSource'), c.leadSource ? t(`enum.leadSource.${c.leadSource}`) : '')}
          </dl>
          {c.notes ? <CollapsibleText className="notes" text={c.notes} /> : null}
          <CompanyTeamMove companyId={id} />
        </div>

        <Section title={t('contact.buyingCenter')} actionTo={`/contacts/new?companyId=${id}`} actionLabel={t('contact.add')} empty={contacts.data && contacts.data.rows.length === 0 ? t('company.noContacts') : null}>
        <ul className="contact-cards">
          {(contacts.data?.rows ?? []).map((k) => (
            <li key={k.id} className="contact-card">
              <Link to={`/contacts/${k.id}/edit`} className="contact-card__name">
                {[k.salutation !== 'none' ? t(`enum.salutation.${k.salutation}`) : '', k.title, k.firstName, k.lastName].filter(Boolean).join(' ')}
              </Link>
              <span className="muted">{k.jobFunction}</span>
              <span className="contact-card__badges">
                {k.buyingRole ? <Badge tone="station">{t(`enum.buyingRole.${k.buyingRole}`)}</Badge> : null}
                {k.attitude ? <Badge tone={k.attitude === 'supporter' ? 'good' : k.attitude === 'sceptic' ? 'warn' : 'neutral'}>{t(`enum.attitude.${k.attitude}`)}</Badge> : null}
                {k.influence ? <Badge>{t('contact.influence')}: {t(`enum.influence.${k.influence}`)}</Badge> : null}
              </span>
            </li>
          ))}
        </ul>
        </Section>

        <Section title={t('company.conversations')} actionTo={`/conversations/new?companyId=${id}`} actionLabel={t('conversation.new')} empty={conversations.data?.length === 0 ? t('company.noConversations') : null}>
        <ul className="plain-list">
          {(conversations.data ?? []).map((v) => (
            <li key={v.id}><Link to={`/conversations/${v.id}`}>{t('conversation.of', { date: date(v.heldAt) })}</Link> <span className="muted small">{v.needs.slice(0, 80)}</span></li>
          ))}
        </ul>
        </Section>

        <Section title={t('company.offers')} actionTo={`/offers/new?companyId=${id}`} actionLabel={t('offer.new')} empty={offers.data?.total === 0 ? t('company.noOffers') : null}>
        <ul className="plain-list">
          {(offers.data?.rows ?? []).map((o) => (
            <li key={o.id}><Link to={`/offers/${o.id}`}>{o.number}</Link> · <Badge>{t(`enum.offerStatus.${o.status}`)}</Badge></li>
          ))}
        </ul>
        </Section>

        <Section title={t('company.assets')} actionTo={`/assets/new?companyId=${id}`} actionLabel={t('asset.new')} empty={assets.data?.length === 0 ? t('company.noAssets') : null}>
        <ul className="plain-list" aria-label={t('company.assets')}>
          {(assets.data ?? []).map((a) => (
            <li key={a.id}>
              <Link to={`/assets/${a.id}/edit`}>{a.name}</Link>{a.serialNumber ? ` · ${a.serialNumber}` : ''}{a.site ? ` · ${a.site}` : ''}
              <div className="small muted">
                {a.warrantyEnd ? t('asset.warrantyUntil', { date: date(a.warrantyEnd) }) : t('asset.noWarranty')}
                {a.contractNumber ? ` · ${t('asset.coveredBy', { number: a.contractNumber })}` : ''}
                {' · '}<Link to={`/cases/new?companyId=${id}&type=warranty&assetId=${a.id}`}>{t('asset.claim')}</Link>
              </div>
            </li>
          ))}
        </ul>
        </Section>

        <Section title={t('company.cases')} actionTo={`/cases/new?companyId=${id}`} actionLabel={t('case.new')} empty={cases.data?.total === 0 ? t('company.noCases') : null}>
        <ul className="plain-list" aria-label={t('company.cases')}>
          {(cases.data?.rows ?? []).map((k) => (
            <li key={k.id}><Link to={`/cases/${k.id}`}>{k.number}</Link> · {t(`enum.caseType.${k.type}`)} · {k.subject} · <Badge>{t(`enum.caseStatus.${k.status}`)}</Badge></li>
          ))}
        </ul>
        </Section>

        <Section title={t('company.referrals')} actionTo={`/referrals/new?companyId=${id}`} actionLabel={t('referral.new')} empty={referrals.data?.total === 0 ? t('company.noReferrals') : null}>
        <ul className="plain-list" aria-label={t('company.referrals')}>
          {(referrals.data?.rows ?? []).map((r) => (
            <li key={r.id}>
              {r.companyId === id ? <>{t('referral.recommended')} <Link to={`/companies/${r.referredCompanyId}`}>{r.referredCompanyName}</Link></>
                : <>{t('referral.recommendedBy')} <Link to={`/companies/${r.companyId}`}>{r.companyName}</Link></>}
              {' · '}<Badge>{t(`enum.referralStatus.${r.status}`)}</Badge>
            </li>
          ))}
        </ul>
        </Section>

        <Section title={t('company.feedback')} actionTo={`/feedback/new?companyId=${id}`} actionLabel={t('feedback.new')} empty={feedback.data?.total === 0 ? t('company.noFeedback') : null}>
        <ul className="plain-list" aria-label={t('company.feedback')}>
          {(feedback.data?.rows ?? []).map((f) => (
            <li key={f.id}>
              <strong>{f.kind === 'testimonial' ? t('enum.feedbackKind.testimonial') : `${t(`enum.feedbackKind.${f.kind}`)} ${f.score}`}</strong> · {date(f.givenOn)}{f.contactName ? ` · ${f.contactName}` : ''}
              {f.comment ? <div className="small muted">„{f.comment}“</div> : null}
            </li>
          ))}
        </ul>
        {feedback.data && feedback.data.total > 0 ? <ExportButtons onExport={(format) => call('feedback.export', { companyId: id, format, language })} /> : null}
        </Section>

        <Section title={t('company.contracts')} actionTo={`/contracts/new?companyId=${id}`} actionLabel={t('contract.new')} empty={contracts.data?.total === 0 ? t('company.noContracts') : null}>
        <ul className="plain-list">
          {(contracts.data?.rows ?? []).map((k) => (
            <li key={k.id}>
              <Link to={`/contracts/${k.id}`}>{k.number}</Link> · {k.title} · <Badge>{t(`enum.contractStatus.${k.status}`)}</Badge>
              {k.status === 'active' || k.status === 'renewed' ? <div className="small muted">{t('contract.cancelByShort', { date: date(k.cancelBy) })}</div> : null}
            </li>
          ))}
        </ul>
        </Section>

        <RecordPanels record={{ kind: 'company', id, companyId: id }} />

        <div className="card card--wide">
          <div className="card__header">
            <h2>{t('company.timeline')}</h2>
            <Link className="button button--small button--primary" to={`/touchpoints/new?companyId=${id}`}>{t('touchpoint.new')}</Link>
          </div>
          <Timeline entries={timeline.data?.rows ?? []} />
          {timeline.data && timeline.data.total > timeline.data.rows.length ? (
            <button type="button" className="button button--ghost" onClick={() => setTimelineLimit((l) => l + TIMELINE_PAGE)}>{t('common.loadMore')}</button>
          ) : null}
        </div>
      </div>
    </section>
  )
}

function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, dateTime } = useI18n()
  if (entries.length <= 1) {
    return <EmptyState>{t('touchpoint.noTimeline')}</EmptyState>
  }
  return (
    <ol className="timeline" aria-label={t('company.timeline')}>
      {entries.map((entry) =>
        entry.kind === 'touchpoint' ? (
          <TouchpointItem key={entry.touchpoint.id} touchpoint={entry.touchpoint} />
        ) : (
          <li key="created" className="timeline__item timeline__item--start">
            <time dateTime={entry.at}>{dateTime(entry.at)}</time>
            <div className="timeline__body"><p>{t('company.created')}</p></div>
          </li>
        ),
      )}
    </ol>
  )
}

/** A card of the customer page: a title, the action that adds to it, and its content (or why it is empty). */
function Section({ title, actionTo, actionLabel, empty, children }: { title: string; actionTo: string; actionLabel: string; empty: string | null | undefined | false; children: ReactNode }) {
  return (
    <div className="card">
      <div className="card__header">
        <h2>{title}</h2>
        <Link className="button button--small" to={actionTo}>{actionLabel}</Link>
      </div>
      {empty ? <EmptyState>{empty}</EmptyState> : null}
      {children}
    </div>
  )
}
