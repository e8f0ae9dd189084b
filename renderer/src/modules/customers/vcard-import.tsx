// "vCard importieren" on the contact list: a .vcf is checked first (a dry run: how many contacts would be
// created, updated, skipped, and each card's problem), the company is picked where a card's ORG names none,
// and only "Importieren" writes — all cards in one go, through useAction.
import { useEffect, useState } from 'react'
import { FormProvider, useForm, useWatch } from 'react-hook-form'
import { MAX_VCARD_BYTES, type VcardImportReport } from '../../../../shared/modules/customers/contact-import.schema'
import { CompanyPicker } from '../../components/company-picker'
import { base64Of } from '../../lib/download'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'

const FIELD_LABELS: Record<string, string> = {
  companyId: 'contact.company', salutation: 'contact.salutation', title: 'contact.personTitle', firstName: 'contact.firstName',
  lastName: 'contact.lastName', jobFunction: 'contact.jobFunction', email: 'contact.email', phone: 'contact.phone', mobile: 'contact.mobile',
  language: 'contact.language', version: 'contact.vcardVersion',
}

export function VcardImport({ onDone }: { onDone: () => void }) {
  const { t, tFromData } = useI18n()
  const action = useAction()
  const form = useForm<{ companyId: string }>({ defaultValues: { companyId: '' } })
  const companyId = useWatch({ control: form.control, name: 'companyId' })
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null)
  const [report, setReport] = useState<VcardImportReport | null>(null)
  const [error, setError] = useState<string | null>(null)

  const run = async (base64: string, dryRun: boolean) => {
    setError(null)
    const result = await action.run('contacts.importVcard', { base64, companyId, dryRun })
    if (!result.ok) {
      setReport(null)
      return setError(Object.values(result.error.fields ?? {})[0] ?? result.error.message)
    }
    setReport(result.data)
    if (!dryRun) {
      setFile(null)
      onDone()
    }
  }

  const load = async (chosen: File | undefined) => {
    setReport(null)
    setError(null)
    setFile(null)
    if (!chosen) return
    if (chosen.size > MAX_VCARD_BYTES) return setError('errors.vcardTooLarge')
    const base64 = base64Of(new Uint8Array(await chosen.arrayBuffer()))
    setFile({ name: chosen.name, base64 })
    await run(base64, true)
  }

  // A company picked for the cards without one: check again with it.
  useEffect(() => {
    if (file && companyId) void run(file.base64, true)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [companyId])

  return (
    <section className="card form" aria-label={t('contact.vcardImport')}>
      <h2>{t('contact.vcardImport')}</h2>
      <p className="muted small">{t('contact.vcardImportHint')}</p>
      <div className="field">
        <label htmlFor="vcard-file">{t('contact.vcardFile')}</label>
        <input id="vcard-file" type="file" accept=".vcf,text/vcard,text/x-vcard" onChange={(e) => void load(e.target.files?.[0])} />
      </div>
      {error ? <p className="form-error" role="alert">{tFromData(error)}</p> : null}
      {report ? (
        <div role="status">
          <p>{t(report.dryRun ? 'contact.vcardPlan' : 'contact.vcardDoneImport', { created: report.created, updated: report.updated, skipped: report.skipped })}</p>
          {report.problems.length > 0 ? (
            <ul className="plain-list small">
              {report.problems.map((p) => (
                <li key={`${p.card}-${p.field}`}>{t('contact.vcardCard', { card: p.card })}, {tFromData(FIELD_LABELS[p.field] ?? p.field)}: {tFromData(p.key)}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {file && report?.dryRun ? (
        <FormProvider {...form}>
          {report.needsCompany || companyId ? <CompanyPicker name="companyId" label={t('contact.vcardCompany')} /> : null}
          <div className="form-actions">
            <button type="button" className="button button--primary" disabled={action.busy || report.created + report.updated === 0} onClick={() => void run(file.base64, false)}>
              {t('contact.vcardConfirm')}
            </button>
          </div>
        </FormProvider>
      ) : null}
    </section>
  )
}
