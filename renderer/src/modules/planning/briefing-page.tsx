// "Besuchsvorbereitung" (/companies/:id/briefing?appointmentId=…): the visit briefing on screen, sections as
// cards, and "Als PDF". When main cannot be reached (no network in web mode), the page shows the briefing kept
// on this device by the prefetch (briefing-store.ts) with "Offline – Stand vom …", and the PDF comes from the
// kept copy. The route is part of the app's one bundle, so it opens without the network once the app is loaded.
import { useEffect, useState } from 'react'
import { Link, useParams, useSearchParams } from 'react-router-dom'
import type { Briefing, BriefingFile } from '../../../../shared/modules/planning'
import { LoadError, PageHeader } from '../../components/page'
import { call } from '../../lib/api'
import { download } from '../../lib/download'
import { useI18n } from '../../lib/i18n'
import {
  AppointmentCard, CasesCard, ContractsCard, OffersCard, PeopleCard, PromisesCard, SatisfactionCard, TouchpointsCard, WorriesCard,
} from './briefing-sections'
import { keptBriefing } from './briefing-store'

type State =
  | { kind: 'loading' }
  | { kind: 'live'; briefing: Briefing }
  | { kind: 'kept'; file: BriefingFile }
  | { kind: 'failed'; error: string }

/** The briefing from main, else (main unreachable, or refusing) the kept copy, else the error. */
function useBriefing(companyId: string, appointmentId: string, language: string): State {
  const [state, setState] = useState<State>({ kind: 'loading' })
  useEffect(() => {
    let live = true
    setState({ kind: 'loading' })
    void (async () => {
      const answer = await call('briefing.get', { companyId, appointmentId })
      if (!live) return
      if (answer.ok) return setState({ kind: 'live', briefing: answer.data })
      const file = answer.error.message === 'errors.offline' ? await keptBriefing(companyId, appointmentId) : null
      if (!live) return
      setState(file ? { kind: 'kept', file } : { kind: 'failed', error: answer.error.message === 'errors.offline' ? 'briefing.offlineMissing' : answer.error.message })
    })()
    return () => {
      live = false
    }
  }, [companyId, appointmentId, language])
  return state
}

export function BriefingPage() {
  const { id = '' } = useParams()
  const [params] = useSearchParams()
  const appointmentId = params.get('appointmentId') ?? ''
  const { t, tFromData, dateTime, language } = useI18n()
  const state = useBriefing(id, appointmentId, language)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)

  const title = t('briefing.title')
  if (state.kind === 'loading') return <div className="page"><PageHeader title={title} /><p className="muted" role="status">{t('briefing.loading')}</p></div>
  if (state.kind === 'failed') return <div className="page"><PageHeader title={title} /><LoadError message={state.error} /></div>
  const b = state.kind === 'live' ? state.briefing : state.file.briefing
  const kept = state.kind === 'kept' ? state.file : null

  const savePdf = async () => {
    if (busy) return
    setBusy(true)
    setMessage(null)
    try {
      let file: { fileName: string; base64: string } | null = kept
      if (!file) {
        const answer = await call('briefing.pdf', { companyId: b.companyId, appointmentId: b.appointmentId, language })
        if (answer.ok) file = answer.data
        else {
          // Main gone since the page loaded: the kept PDF of this appointment, if there is one.
          file = answer.error.message === 'errors.offline' ? await keptBriefing(b.companyId, b.appointmentId) : null
          if (!file) return setMessage({ text: tFromData(answer.error.message === 'errors.offline' ? 'briefing.offlineMissing' : answer.error.message), error: true })
        }
      }
      download(file.fileName, file.base64, 'application/pdf')
      setMessage({ text: t('briefing.pdfReady', { file: file.fileName }), error: false })
    } finally {
      setBusy(false)
    }
  }

  const subtitle = [b.customerNumber ? t('briefing.customerNumber', { number: b.customerNumber }) : '', b.address, b.ownerName ? t('briefing.owner', { name: b.ownerName }) : '']
    .filter(Boolean).join(' · ')
  return (
    <div className="page">
      <PageHeader
        title={`${title}: ${b.companyName}`}
        subtitle={<>{subtitle}<span className="muted small">{t('briefing.asOf', { at: dateTime(b.generatedAt) })}</span></>}
        actions={(
          <>
            {kept ? null : <Link className="button" to={`/companies/${b.companyId}`}>{t('briefing.toCompany')}</Link>}
            <button type="button" className="button button--primary" onClick={() => void savePdf()} disabled={busy} aria-busy={busy}>{t('briefing.pdf')}</button>
          </>
        )}
      />
      {kept ? <p className="notice notice--warn" role="status">{t('briefing.offline', { at: dateTime(kept.briefing.generatedAt) })}</p> : null}
      {message ? <p className={message.error ? 'form-error' : 'notice'} role={message.error ? 'alert' : 'status'}>{message.text}</p> : null}
      <div className="settings-grid stack-gap">
        <AppointmentCard b={b} />
        <WorriesCard b={b} />
        <PeopleCard b={b} />
        <OffersCard b={b} />
        <ContractsCard b={b} />
        <CasesCard b={b} />
        <PromisesCard b={b} />
        <SatisfactionCard b={b} />
        <TouchpointsCard b={b} />
      </div>
    </div>
  )
}
