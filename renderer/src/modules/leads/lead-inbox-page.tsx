// The lead inbox (issue 19, docs/leads.md): new leads from marketing at or above the team's handover threshold, by
// score and age, each with its scoring history; the Marketing-Leads below it only counted. Qualify (budget, need,
// timing, decision maker, the company's address), assign to a field rep — proposed by the team's territories from
// the address, or chosen by hand — and convert (company + contact + first touchpoint + the rep's task), or reject
// with a reason from the catalogue. Likely duplicates of the company are listed first: convert into one of them
// (its contact who is the lead's person reused), or create a new company anyway.
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { z } from 'zod'
import { Link } from 'react-router-dom'
import {
  LEAD_REJECT_REASONS, leadQualificationSchema, proposeRep,
  type LeadDuplicate, type LeadInbox, type LeadInboxItem, type LeadRejectReason,
} from '../../../../shared/modules/leads'
import { FEDERAL_STATES } from '../../../../shared/platform/federal-states'
import { CompanyPicker, companyNamed } from '../../components/company-picker'
import { FormError, SelectField, TextAreaField, TextField, enumOptions, showServerErrors } from '../../components/form-fields'
import { Badge, LoadError, PageHeader } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useData } from '../../lib/use-data'
import { useI18n } from '../../lib/i18n'
import { LeadEraseButton } from './lead-erase-button'
import { LeadErasureSearch } from './lead-erasure-search'

/** The card's form: the qualification and the rep (the rep is checked when converting, not when saving). */
// `companyId`: an existing company chosen by name to convert into (empty: a new company from the lead).
const cardSchema = leadQualificationSchema.extend({ repId: z.string().default(''), companyId: z.string().default('') })

const detail = (label: string, value: string) => <div className="details__item"><dt>{label}</dt><dd>{value}</dd></div>

type Outcome = { kind: 'converted'; name: string; companyId: string; rep: string; existing: boolean } | { kind: 'rejected' } | { kind: 'qualified' } | { kind: 'erased' } | { kind: 'error'; key: string }

export function LeadInboxPage() {
  const { t, tFromData, number } = useI18n()
  const inbox = useData('leads.inbox', {})
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  return (
    <section className="page">
      <PageHeader title={t('leads.title')} subtitle={inbox.data ? t('leads.intro', { threshold: inbox.data.threshold }) : undefined} />
      {inbox.error ? <LoadError message={inbox.error} /> : null}
      {outcome?.kind === 'converted' ? <p role="status">{t(outcome.existing ? 'leads.convertedInto' : 'leads.convertedTo', { name: outcome.name, rep: outcome.rep })} <Link to={`/companies/${outcome.companyId}`}>{outcome.name}</Link></p> : null}
      {outcome?.kind === 'rejected' ? <p role="status">{t('leads.rejected')}</p> : null}
      {outcome?.kind === 'qualified' ? <p role="status">{t('leads.qualified')}</p> : null}
      {outcome?.kind === 'erased' ? <p role="status">{t('dsgvo.leadErased')}</p> : null}
      {outcome?.kind === 'error' ? <div className="form-error" role="alert">{tFromData(outcome.key)}</div> : null}
      {inbox.data ? (
        <div className="stack">
          <p className="muted">{t('leads.marketingCount', { count: inbox.data.marketingCount, threshold: inbox.data.threshold })}</p>
          {inbox.data.leads.length === 0 ? <p>{t('leads.empty')}</p> : null}
          {inbox.data.handedCount > inbox.data.leads.length ? <p className="muted">{t('leads.shownOf', { shown: number(inbox.data.leads.length), count: number(inbox.data.handedCount) })}</p> : null}
          {inbox.data.reps.length === 0 && inbox.data.leads.length > 0 ? <p className="notice notice--warn" role="note">{t('leads.noReps')}</p> : null}
          {inbox.data.leads.map((lead) => (
            <LeadCard key={lead.id} lead={lead} inbox={inbox.data!} onDone={(o) => { setOutcome(o); inbox.reload() }} />
          ))}
          <LeadErasureSearch onErased={() => { setOutcome({ kind: 'erased' }); inbox.reload() }} />
        </div>
      ) : null}
    </section>
  )
}

function LeadCard({ lead, inbox, onDone }: { lead: LeadInboxItem; inbox: LeadInbox; onDone: (outcome: Outcome) => void }) {
  const { t, dateTime, number, enumLabel, language } = useI18n()
  const { run, busy } = useAction()
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState<LeadRejectReason>('no_need')
  const [duplicates, setDuplicates] = useState<LeadDuplicate[] | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<z.input<typeof cardSchema>, unknown, z.output<typeof cardSchema>>({
    resolver: zodResolver(cardSchema),
    defaultValues: { ...lead.qualification, repId: '', companyId: '' },
  })
  const postalCode = form.watch('postalCode') ?? ''
  const federalState = form.watch('federalState') ?? ''
  const proposal = proposeRep(inbox.territories, { postalCode, federalState }, inbox.reps)
  // The territory's proposal fills the rep's field until the user chooses one by hand.
  const proposed = proposal?.userId ?? ''
  useEffect(() => {
    if (!form.getFieldState('repId').isDirty) form.setValue('repId', proposed)
  }, [form, proposed])
  const repId = form.watch('repId') ?? ''
  const chosenId = form.watch('companyId') ?? ''
  const chosen = useData('companies.get', chosenId ? { id: chosenId } : null)
  const [companyText, setCompanyText] = useState('')
  const repName = (id: string) => inbox.reps.find((r) => r.id === id)?.name ?? ''
  const name = `${lead.firstName} ${lead.lastName}`.trim()
  const label = `${lead.companyName}`

  const qualify = form.handleSubmit(async ({ repId: _r, companyId: _c, ...qualification }) => {
    setFormError(null)
    const result = await run('leads.qualify', { id: lead.id, qualification })
    if (result.ok) onDone({ kind: 'qualified' })
    else setFormError(showServerErrors(form, result.error))
  })
  // `into`: one of the duplicates answered, or the company chosen by name, to convert into; `anyway`: a new company
  // beside the duplicates.
  const convert = (choice: { anyway?: boolean; into?: LeadDuplicate }) => form.handleSubmit(async ({ repId: _r, companyId, ...qualification }) => {
    setFormError(null)
    if (!repId) return form.setError('repId', { message: 'errors.leadRepRequired' })
    // A name typed into "In bestehende Firma übernehmen" whose search has not answered yet is looked up now: a
    // typed company must never become a new one, and a name that names no company is the field's error.
    let picked = companyId && chosen.data?.id === companyId ? { id: companyId, name: chosen.data.name } : null
    if (!choice.into && !choice.anyway && !picked && companyText.trim()) {
      picked = await companyNamed(companyText)
      if (!picked) return form.setError('companyId', { message: 'errors.leadCompanyChoose' })
    }
    const into: { id: string; name: string } | undefined = choice.into ?? (choice.anyway ? undefined : picked ?? undefined)
    const result = await run('leads.convert', { id: lead.id, anyway: choice.anyway ?? false, ...(into ? { companyId: into.id } : {}), repId, qualification, language })
    if (!result.ok) {
      // The company chosen is gone (deleted meanwhile): its error, and the list is no longer true.
      const gone = result.error.fields?.companyId
      if (gone) setDuplicates(null)
      return setFormError(gone ?? showServerErrors(form, result.error))
    }
    setDuplicates(null)
    if (result.data.converted) onDone({ kind: 'converted', name: into?.name ?? lead.companyName, companyId: result.data.companyId, rep: repName(repId), existing: result.data.existingCompany })
    else setDuplicates(result.data.duplicates)
  })()
  const reject = async () => {
    const result = await run('leads.reject', { id: lead.id, reason })
    onDone(result.ok ? { kind: 'rejected' } : { kind: 'error', key: result.error.message })
  }

  return (
    <article className="card" aria-label={label}>
      <h2>{lead.companyName} <Badge tone="good">{t('leads.score')}: {number(lead.score)}</Badge></h2>
      <div className="company-layout">
        <dl className="details">
          {detail(t('leads.person'), name)}
          {detail(t('leads.reach'), [lead.email, lead.phone].filter(Boolean).join(' · '))}
          {detail(t('leads.source'), [lead.source, lead.campaign].filter(Boolean).join(' / '))}
          {detail(t('leads.received'), dateTime(lead.receivedAt))}
          {detail(t('leads.consent'), lead.consentGiven ? t('leads.consentGiven') : t('leads.consentMissing'))}
        </dl>
        <div>
          <h3>{t('leads.history')}</h3>
          {lead.events.length === 0 ? <p className="muted">{t('leads.noHistory')}</p> : (
            <table className="data-table" aria-label={`${t('leads.history')}: ${lead.companyName}`}>
              <tbody>
                {lead.events.map((e, i) => <tr key={i}><td>{dateTime(e.at)}</td><td>{e.activity}</td><td className="num">{e.points > 0 ? '+' : ''}{number(e.points)}</td></tr>)}
              </tbody>
            </table>
          )}
        </div>
      </div>
      <FormProvider {...form}>
        <form onSubmit={(e) => { e.preventDefault(); void qualify() }} noValidate className="form" aria-label={`${t('leads.qualification')}: ${lead.companyName}`}>
          <FormError message={formError} />
          <fieldset>
            <legend>{t('leads.qualification')}</legend>
            <div className="form-grid">
              <TextField name="budget" label={t('leads.budget')} />
              <TextField name="timing" label={t('leads.timing')} />
              <TextField name="decisionMaker" label={t('leads.decisionMaker')} />
              <TextField name="postalCode" label={t('leads.postalCode')} />
              <TextField name="city" label={t('leads.city')} />
              <SelectField name="federalState" label={t('leads.federalState')} emptyLabel="–" options={enumOptions(enumLabel, 'federalState', FEDERAL_STATES)} />
            </div>
            <TextAreaField name="need" label={t('leads.need')} rows={2} />
          </fieldset>
          <fieldset>
            <legend>{t('leads.assignment')}</legend>
            <SelectField name="repId" label={t('leads.rep')} emptyLabel={t('leads.chooseRep')}
              options={inbox.reps.map((r) => ({ value: r.id, label: r.name }))} />
            <p className="muted small" role="note">
              {proposal ? t(proposal.by === 'postcode' ? 'leads.proposedByPostcode' : 'leads.proposedByState', { name: repName(proposal.userId) }) : t('leads.noProposal')}
            </p>
            <CompanyPicker name="companyId" label={t('leads.existingCompany')} onText={setCompanyText} />
            <p className="muted small">{t('leads.existingCompanyHint')}</p>
          </fieldset>
          {duplicates ? (
            <div className="notice notice--warn">
              <p role="alert">{t('leads.duplicates')}</p>
              <ul aria-label={`${t('leads.duplicatesOf')}: ${lead.companyName}`}>
                {duplicates.map((d) => (
                  <li key={d.id}>
                    <strong>{d.name}</strong>{d.postalCode || d.city ? `, ${[d.postalCode, d.city].filter(Boolean).join(' ')}` : ''}
                    {' – '}{d.contact ? t('leads.duplicateContact', { name: d.contact.name }) : t('leads.duplicateNoContact')}{' '}
                    <button type="button" className="button" disabled={busy} onClick={() => void convert({ into: d })}>{t('leads.convertInto', { name: d.name })}</button>
                  </li>
                ))}
              </ul>
              <button type="button" className="button" disabled={busy} onClick={() => void convert({ anyway: true })}>{t('leads.convertAnyway')}</button>
            </div>
          ) : null}
          <div className="form-actions">
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void convert({})}>{t('leads.convert')}</button>
            <button type="submit" className="button" disabled={busy}>{t('leads.saveQualification')}</button>
            {rejecting ? (
              <>
                <label>{t('leads.rejectReason')}{' '}
                  <select value={reason} onChange={(e) => setReason(e.target.value as LeadRejectReason)}>
                    {LEAD_REJECT_REASONS.map((r) => <option key={r} value={r}>{t(`leads.reason.${r}`)}</option>)}
                  </select>
                </label>
                <button type="button" className="button" disabled={busy} onClick={() => void reject()}>{t('leads.rejectConfirm')}</button>
              </>
            ) : <button type="button" className="button button--ghost" onClick={() => setRejecting(true)}>{t('leads.reject')}</button>}
          </div>
        </form>
      </FormProvider>
      <LeadEraseButton leadId={lead.id} name={name || lead.companyName} onErased={() => onDone({ kind: 'erased' })} />
    </article>
  )
}
