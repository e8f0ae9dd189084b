// "Per E-Mail senden": the mail about a record, written from its template, for the rep to edit — recipients from
// the buying center or typed, subject, text, the letter as PDF — then queued in the outbox (sent as soon as the
// mail server answers) or opened as an .eml draft in the rep's own mail program.
import { useEffect, useRef, useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { Link, useSearchParams } from 'react-router-dom'
import type { MailAddress } from '../../../../shared/modules/customers'
import { MAIL_PURPOSE_RECORD, MAIL_PURPOSES, type MailDraft, type MailPurpose } from '../../../../shared/modules/mail'
import { CheckboxField, FormError, TextAreaField, TextField, showServerErrors } from '../../components/form-fields'
import { LoadError, PageHeader } from '../../components/page'
import { download } from '../../lib/download'
import { useI18n } from '../../lib/i18n'
import { useAction } from '../../lib/use-action'
import { useData } from '../../lib/use-data'
import { parseAddress, RecipientList } from './recipient-list'

const RECORD_PATH: Record<string, (id: string) => string> = {
  offer: (id) => `/offers/${id}`, contract: (id) => `/contracts/${id}`, case: (id) => `/cases/${id}`, conversation: (id) => `/conversations/${id}`,
  referral: () => '/referrals', promise: () => '/follow-ups',
}

interface Fields {
  subject: string
  body: string
  attach: boolean
}

const isPurpose = (value: string | null): value is MailPurpose => value !== null && (MAIL_PURPOSES as readonly string[]).includes(value)

export function MailComposePage() {
  const { t } = useI18n()
  const [params] = useSearchParams()
  const purpose = params.get('purpose')
  const relatedId = params.get('relatedId') ?? ''
  const revision = Number(params.get('revision')) || undefined
  const valid = isPurpose(purpose) && relatedId !== ''
  const draft = useData('mail.compose', valid ? { purpose, relatedId, ...(revision ? { revision } : {}) } : null)
  if (!valid) {
    // A link without its record (typed by hand, cut off): the page says so under its own title.
    return (
      <section className="page">
        <PageHeader title={t('mail.compose.title')} />
        <LoadError message="errors.notFound" />
      </section>
    )
  }
  const back = RECORD_PATH[MAIL_PURPOSE_RECORD[purpose]]!(relatedId)
  return (
    <section className="page">
      <PageHeader title={`${t('mail.compose.title')}: ${t(`mail.purpose.${purpose}`)}`} actions={<Link className="button" to={back}>{t('mail.compose.back')}</Link>} />
      {draft.error ? <LoadError message={draft.error} /> : null}
      {draft.data ? <ComposeForm draft={draft.data} back={back} /> : null}
    </section>
  )
}

function ComposeForm({ draft, back }: { draft: MailDraft; back: string }) {
  const { t, tFromData } = useI18n()
  const action = useAction()
  const [to, setToState] = useState<MailAddress[]>(draft.to)
  const [cc, setCcState] = useState<MailAddress[]>(draft.cc)
  // What is typed in a recipient field but not added: sending takes a valid address along and refuses an invalid one.
  const typed = useRef({ to: '', cc: '' })
  const setTo = setToState
  const setCc = setCcState
  const [error, setError] = useState<string | null>(null)
  const [queued, setQueued] = useState(false)
  const form = useForm<Fields>({ defaultValues: { subject: draft.subject, body: draft.body, attach: draft.attachments.length > 0 } })
  useEffect(() => form.reset({ subject: draft.subject, body: draft.body, attach: draft.attachments.length > 0 }), [draft, form])
  const attachment = draft.attachments[0]

  const withTyped = (list: MailAddress[], text: string): MailAddress[] | null => {
    if (!text.trim()) return list
    const address = parseAddress(text)
    if (!address) return null
    return list.some((a) => a.address === address.address) ? list : [...list, address]
  }
  const input = (fields: Fields) => {
    const allTo = withTyped(to, typed.current.to)
    const allCc = withTyped(cc, typed.current.cc)
    if (!allTo || !allCc) return null
    return {
      purpose: draft.purpose, relatedId: draft.relatedId, ...(draft.revision ? { revision: draft.revision } : {}), language: draft.language,
      to: allTo, cc: allCc, bcc: [], subject: fields.subject, body: fields.body, attach: fields.attach,
    }
  }
  const send = form.handleSubmit(async (fields) => {
    setError(null)
    const mail = input(fields)
    if (!mail) return setError('mail.compose.typedInvalid')
    const result = await action.run('mail.queue', mail)
    if (!result.ok) return setError(result.error.fields?.to ? 'errors.mailRecipientRequired' : showServerErrors(form, result.error))
    setQueued(true)
  })
  const eml = form.handleSubmit(async (fields) => {
    setError(null)
    const mail = input(fields)
    if (!mail) return setError('mail.compose.typedInvalid')
    const result = await action.run('mail.eml', mail)
    if (!result.ok) return setError(result.error.fields?.to ? 'errors.mailRecipientRequired' : showServerErrors(form, result.error))
    download(result.data.fileName, result.data.base64, result.data.mimeType)
  })

  if (queued) {
    return (
      <section className="card">
        <p className="notice" role="status">{t(MAIL_PURPOSE_RECORD[draft.purpose] === 'offer' && draft.purpose !== 'follow_up' ? 'mail.compose.queuedOffer' : 'mail.compose.queued')}</p>
        <div className="form-actions">
          <Link className="button button--primary" to="/outbox">{t('mail.compose.toOutbox')}</Link>
          <Link className="button" to={back}>{t('mail.compose.back')}</Link>
        </div>
      </section>
    )
  }
  const noSmtp = draft.from === null
  return (
    <FormProvider {...form}>
      <form className="card form" onSubmit={(e) => void send(e)} noValidate aria-label={t('mail.compose.title')}>
        {draft.warnings.map((w) => <p key={w} className="notice notice--warn" role="note">{tFromData(w)}</p>)}
        {draft.from ? <p className="muted">{t('mail.compose.from')}: {draft.from.name ? `${draft.from.name} <${draft.from.address}>` : draft.from.address}</p> : null}
        <RecipientList label={t('mail.compose.to')} value={to} onChange={setTo} candidates={draft.candidates} taken={cc} pending={(text) => { typed.current.to = text }} />
        <RecipientList label={t('mail.compose.cc')} value={cc} onChange={setCc} candidates={draft.candidates} taken={to} pending={(text) => { typed.current.cc = text }} />
        <div className="form-grid">
          <TextField name="subject" label={t('mail.compose.subject')} required wide />
          <TextAreaField name="body" label={t('mail.compose.body')} rows={16} maxLength={50_000} />
        </div>
        {attachment ? <CheckboxField name="attach" label={t('mail.compose.attachFile', { name: attachment.name, size: sizeText(attachment.size) })} /> : null}
        <FormError message={error} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={action.busy || noSmtp}>{t('mail.compose.send')}</button>
          <button type="button" className="button" disabled={action.busy} onClick={() => void eml()}>{t('mail.compose.eml')}</button>
        </div>
        <p className="muted">{t(MAIL_PURPOSE_RECORD[draft.purpose] === 'offer' && draft.purpose !== 'follow_up' ? 'mail.compose.emlHint' : 'mail.compose.emlHintOther')}</p>
        <p className="muted small">{t('mail.compose.languageHint', { language: t(`enum.language.${draft.language}`) })}</p>
      </form>
    </FormProvider>
  )
}

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`)
