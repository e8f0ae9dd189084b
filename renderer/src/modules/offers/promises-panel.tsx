// What was agreed in a pre-offer conversation: the promises made to the customer (each with its due date, on
// the work list until done), changed with a prompt to tell the customer, and the written confirmation of the
// conversation (Gesprächsbestätigung) as a PDF or DOCX letter, or by mail.
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { Link } from 'react-router-dom'
import type { z } from 'zod'
import { promiseFieldsSchema, type CustomerPromise, type PromiseFields } from '../../../../shared/modules/offers/promise.schema'
import { DateField, FormError, SelectField, TextField, showServerErrors, type Option } from '../../components/form-fields'
import { Badge, LoadError, type Tone } from '../../components/page'
import { download } from '../../lib/download'
import { useAction } from '../../lib/use-action'
import { useData } from '../../lib/use-data'
import { useI18n } from '../../lib/i18n'

const STATUS_TONE: Record<CustomerPromise['status'], Tone> = { open: 'warn', kept: 'good', cancelled: 'muted' }

interface Props {
  conversationId: string
  companyId: string
  /** The contacts of the company, to pick whom the promise was made to. */
  contacts: Option[]
}

export function PromisesPanel({ conversationId, companyId, contacts }: Props) {
  const { t, tFromData, date } = useI18n()
  const { run, busy } = useAction()
  const list = useData('promises.list', { conversationId, status: 'all' })
  const [editing, setEditing] = useState<CustomerPromise | 'new' | null>(null)
  const [changed, setChanged] = useState<CustomerPromise | null>(null)
  const [error, setError] = useState<string | null>(null)

  const saved = (promise: CustomerPromise, before: CustomerPromise | null) => {
    setEditing(null)
    if (before && promise.changedAt !== before.changedAt) setChanged(promise)
    list.reload()
  }
  const act = async (channel: 'promises.complete' | 'promises.cancel', promise: CustomerPromise) => {
    if (channel === 'promises.cancel' && !window.confirm(t('promise.confirmCancel', { title: promise.title }))) return
    setError(null)
    const result = await run(channel, { id: promise.id })
    if (!result.ok) return setError(result.error.message)
    saved(result.data, promise)
  }

  return (
    <section className="card stack stack-gap" aria-labelledby="promises-title">
      <div className="card__header">
        <h2 id="promises-title">{t('promise.title')}</h2>
        {editing === null ? <button type="button" className="button" onClick={() => { setEditing('new'); setChanged(null) }}>{t('promise.add')}</button> : null}
      </div>
      <p className="muted small">{t('promise.intro')}</p>
      {changed ? (
        <div className="notice notice--warn inline-row" role="status">
          <span>{t('promise.changedNotice', { title: changed.title })}</span>
          <Link className="button button--small button--primary" to={`/mail/compose?purpose=promise_changed&relatedId=${changed.id}`}>{t('promise.informCustomer')}</Link>
          <button type="button" className="button button--small button--ghost" onClick={() => setChanged(null)}>{t('promise.later')}</button>
        </div>
      ) : null}
      {error ? <p className="form-error" role="alert">{tFromData(error)}</p> : null}
      {list.error ? <LoadError message={list.error} /> : null}
      {editing !== null ? (
        <PromiseForm key={editing === 'new' ? 'new' : editing.id} companyId={companyId} conversationId={conversationId} contacts={contacts}
          editing={editing === 'new' ? null : editing} onSaved={saved} onCancel={() => setEditing(null)} />
      ) : null}
      {list.data && list.data.length === 0 && editing === null ? <p className="muted">{t('promise.empty')}</p> : null}
      {list.data && list.data.length > 0 ? (
        <table className="data-table" aria-label={t('promise.list')}>
          <thead>
            <tr><th>{t('promise.field.title')}</th><th className="nowrap">{t('promise.field.dueDate')}</th><th>{t('promise.field.contact')}</th><th>{t('promise.status')}</th><th /></tr>
          </thead>
          <tbody>
            {list.data.map((p) => (
              <tr key={p.id}>
                <td>
                  {p.title}
                  {/* A changed promise (here, or snoozed on the work list) can be told to the customer at any time. */}
                  {p.changedAt ? (
                    <div className="muted small">
                      {t('promise.changedOn', { date: date(p.changedAt) })}{' '}
                      <Link to={`/mail/compose?purpose=promise_changed&relatedId=${p.id}`}>{t('promise.informCustomer')}</Link>
                    </div>
                  ) : null}
                </td>
                <td className="nowrap">{date(p.dueDate)}</td>
                <td>{p.contactName}</td>
                <td><Badge tone={STATUS_TONE[p.status]}>{t(`promise.status.${p.status}`)}</Badge>{p.doneAt ? <div className="muted small">{t('promise.doneOn', { date: date(p.doneAt) })}</div> : null}</td>
                <td className="nowrap">
                  {p.status === 'open' ? (
                    <span className="inline-row">
                      <button type="button" className="button button--small" aria-label={t('promise.editOf', { title: p.title })} onClick={() => { setEditing(p); setChanged(null) }}>{t('promise.edit')}</button>
                      <button type="button" className="button button--small button--primary" disabled={busy} aria-label={t('promise.completeOf', { title: p.title })} onClick={() => void act('promises.complete', p)}>{t('promise.complete')}</button>
                      <button type="button" className="button button--small button--ghost" disabled={busy} aria-label={t('promise.cancelOf', { title: p.title })} onClick={() => void act('promises.cancel', p)}>{t('promise.cancel')}</button>
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}

type PromiseFormInput = z.input<typeof promiseFieldsSchema>

function PromiseForm({ companyId, conversationId, contacts, editing, onSaved, onCancel }: Omit<Props, 'contacts'> & {
  contacts: Option[]
  editing: CustomerPromise | null
  onSaved(promise: CustomerPromise, before: CustomerPromise | null): void
  onCancel(): void
}) {
  const { t } = useI18n()
  const { run, busy } = useAction()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<PromiseFormInput, unknown, PromiseFields>({
    resolver: zodResolver(promiseFieldsSchema),
    defaultValues: editing
      ? { companyId, conversationId, contactId: editing.contactId, offerId: editing.offerId, ownerId: editing.ownerId, title: editing.title, dueDate: editing.dueDate }
      : { companyId, conversationId, contactId: contacts.length === 1 ? contacts[0]!.value : '', offerId: '', ownerId: '', title: '', dueDate: '' },
  })
  const onSubmit = form.handleSubmit(async (fields) => {
    setFormError(null)
    const result = editing ? await run('promises.update', { id: editing.id, ...fields }) : await run('promises.create', fields)
    if (result.ok) onSaved(result.data, editing)
    else setFormError(showServerErrors(form, result.error))
  })
  const title = editing ? t('promise.editOf', { title: editing.title }) : t('promise.new')
  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="form card dialog-form" aria-label={title}>
        <FormError message={formError} />
        <div className="form-grid">
          <TextField name="title" label={t('promise.field.title')} hint={t('promise.field.titleHint')} required wide />
          <DateField name="dueDate" label={t('promise.field.dueDate')} required />
          <SelectField name="contactId" label={t('promise.field.contact')} options={contacts} emptyLabel={t('common.none')} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy || form.formState.isSubmitting}>{busy ? t('common.saving') : t('common.save')}</button>
          <button type="button" className="button button--ghost" onClick={onCancel}>{t('common.cancel')}</button>
        </div>
      </form>
    </FormProvider>
  )
}

const MIME = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const

/** The conversation confirmation: the letter as PDF (to send) or DOCX (to edit), or the mail with the PDF attached. */
export function ConfirmationPanel({ conversationId }: { conversationId: string }) {
  const { t, tFromData } = useI18n()
  const { run, busy } = useAction()
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null)
  const make = async (format: 'pdf' | 'docx') => {
    setMessage(null)
    const result = await run('conversations.confirmation', { id: conversationId, format })
    if (!result.ok) return setMessage({ text: tFromData(result.error.message), ok: false })
    download(result.data.fileName, result.data.base64, MIME[format])
    setMessage({ text: [t('promise.confirmationReady', { file: result.data.fileName }), ...result.data.warnings.map((w) => tFromData(w))].join(' '), ok: true })
  }
  return (
    <section className="card stack stack-gap" aria-labelledby="confirmation-title">
      <h2 id="confirmation-title">{t('promise.confirmation')}</h2>
      <p className="muted small">{t('promise.confirmationIntro')}</p>
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void make('pdf')}>{t('promise.confirmationPdf')}</button>
        <button type="button" className="button" disabled={busy} onClick={() => void make('docx')}>{t('promise.confirmationDocx')}</button>
        <Link className="button button--ghost" to={`/mail/compose?purpose=conversation_confirmation&relatedId=${conversationId}`}>{t('promise.sendByMail')}</Link>
      </div>
      {message ? <p className={message.ok ? 'notice' : 'form-error'} role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
    </section>
  )
}
