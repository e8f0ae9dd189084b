// Settings → E-Mail-Konten: the SMTP server the outbox sends through and the IMAP account the inbox is read from.
// Passwords are write-only ("gespeichert" when one is stored; left empty, it stays), and the page says whether
// they are sealed by the keychain. "Verbindung testen" tries the login of the saved account (changes are saved first).
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import { FormProvider, useForm, type UseFormReturn } from 'react-hook-form'
import { MAIL_SECURITY, mailAccountsSchema, type MailAccounts, type MailAccountsFields, type MailAccountsInput, type MailAccountTest } from '../../../../shared/modules/mail'
import { CheckboxField, FormError, NumberField, SelectField, TextField, showServerErrors } from '../../components/form-fields'
import { LoadError, PageHeader } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'

type Which = 'smtp' | 'imap'

/** The stored accounts as form values: passwords empty (write-only). */
function formValues(accounts: MailAccounts): MailAccountsInput {
  const { passwordStored: _smtpStored, ...smtp } = accounts.smtp
  const { passwordStored: _imapStored, ...imap } = accounts.imap
  return { smtp: { ...smtp, password: '' }, imap: { ...imap, password: '' } }
}

export function MailSettingsPage() {
  const { t } = useI18n()
  const accounts = useData('mailAccounts.get', {})
  const { run } = useAction()
  const [notice, setNotice] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [tests, setTests] = useState<Partial<Record<Which, MailAccountTest | 'running'>>>({})
  const form = useForm<MailAccountsInput, unknown, MailAccountsFields>({ resolver: zodResolver(mailAccountsSchema) })
  useEffect(() => {
    if (accounts.data) form.reset(formValues(accounts.data))
  }, [accounts.data, form])

  /** Saves; answers whether it was saved (field errors shown at their fields). */
  const saveValues = async (values: MailAccountsFields): Promise<boolean> => {
    setNotice(null)
    setFormError(null)
    const result = await run('mailAccounts.save', values)
    if (!result.ok) {
      setFormError(showServerErrors(form, result.error))
      return false
    }
    form.reset(formValues(result.data))
    accounts.reload()
    return true
  }
  const save = form.handleSubmit(async (values) => {
    if (await saveValues(values)) setNotice(t('mailAccount.saved'))
  })
  const test = async (which: Which) => {
    setTests((s) => ({ ...s, [which]: undefined }))
    if (form.formState.isDirty) {
      let saved = false
      await form.handleSubmit(async (values) => {
        saved = await saveValues(values)
      })()
      if (!saved) return
    }
    setTests((s) => ({ ...s, [which]: 'running' }))
    const result = await run('mailAccounts.test', { account: which })
    setTests((s) => ({ ...s, [which]: result.ok ? result.data : { ok: false, error: 'unknown', detail: '' } }))
  }

  if (accounts.error) return <LoadError message={accounts.error} />
  if (!accounts.data) return null
  return (
    <section className="page">
      <PageHeader title={t('mailAccount.title')} subtitle={t('mailAccount.subtitle')} />
      <FormProvider {...form}>
        <form onSubmit={save} noValidate className="form" aria-label={t('mailAccount.title')}>
          <FormError message={formError} />
          {notice ? <p role="status" className="notice">{notice}</p> : null}
          <p className="muted small">{t(accounts.data.secretsEncrypted ? 'mailAccount.secretsSealed' : 'mailAccount.secretsPlain')}</p>
          <div className="settings-grid">
            <section className="card" aria-label={t('mailAccount.smtpTitle')}>
              <h2>{t('mailAccount.smtpTitle')}</h2>
              <ServerFields which="smtp" passwordStored={accounts.data.smtp.passwordStored} />
              <TextField name="smtp.fromAddress" label={t('mailAccount.fromAddress')} type="email" autoComplete="email" />
              <TextField name="smtp.fromName" label={t('mailAccount.fromName')} autoComplete="name" />
              <TestButton which="smtp" state={tests.smtp} dirty={form.formState.isDirty} onTest={() => void test('smtp')} />
            </section>
            <section className="card" aria-label={t('mailAccount.imapTitle')}>
              <h2>{t('mailAccount.imapTitle')}</h2>
              <CheckboxField name="imap.enabled" label={t('mailAccount.enabled')} />
              <ServerFields which="imap" passwordStored={accounts.data.imap.passwordStored} />
              <NumberField name="imap.sinceDays" label={t('mailAccount.sinceDays')} decimals={0} />
              <TestButton which="imap" state={tests.imap} dirty={form.formState.isDirty} onTest={() => void test('imap')} />
            </section>
          </div>
          <SaveButton form={form} />
        </form>
      </FormProvider>
    </section>
  )
}

/** Server, port, encryption, login and the write-only password of one account. */
function ServerFields({ which, passwordStored }: { which: Which; passwordStored: boolean }) {
  const { t } = useI18n()
  const options = MAIL_SECURITY.map((value) => ({ value, label: t(`mailAccount.security.${value}`) }))
  return (
    <>
      <TextField name={`${which}.host`} label={t('mailAccount.host')} hint={which === 'smtp' ? t('mailAccount.smtpHint') : t('mailAccount.hostHint')} autoComplete="off" />
      <NumberField name={`${which}.port`} label={t('mailAccount.port')} decimals={0} grouping={false} required />
      <SelectField name={`${which}.security`} label={t('mailAccount.security')} options={options} required />
      <TextField name={`${which}.user`} label={t('mailAccount.user')} autoComplete="username" />
      <TextField name={`${which}.password`} label={t('mailAccount.password')} type="password" autoComplete="new-password"
        hint={t(passwordStored ? 'mailAccount.passwordStored' : 'mailAccount.passwordNone')} />
    </>
  )
}

function TestButton({ which, state, dirty, onTest }: { which: Which; state: MailAccountTest | 'running' | undefined; dirty: boolean; onTest: () => void }) {
  const { t, tFromData } = useI18n()
  return (
    <div className="stack-gap">
      <div className="form-actions">
        <button type="button" className="button" disabled={state === 'running'} aria-describedby={dirty ? `mail-test-${which}-hint` : undefined} onClick={onTest}>
          {state === 'running' ? t('mailAccount.testing') : t('mailAccount.test')}
        </button>
      </div>
      {dirty ? <p id={`mail-test-${which}-hint`} className="muted small">{t('mailAccount.testSavesFirst')}</p> : null}
      {state && state !== 'running' ? (
        state.ok ? <p role="status" className="notice">{t('mailAccount.testOk')}</p> : (
          <div role="alert" className="notice notice--warn">
            <p>{t('mailAccount.testFailed', { reason: tFromData(`outbox.error.${state.error || 'unknown'}`) })}</p>
            {state.detail ? <p className="muted small mono">{t('outbox.serverSaid', { detail: state.detail })}</p> : null}
          </div>
        )
      ) : null}
    </div>
  )
}

function SaveButton({ form }: { form: UseFormReturn<MailAccountsInput, unknown, MailAccountsFields> }) {
  const { t } = useI18n()
  const { isSubmitting } = form.formState
  return (
    <div className="form-actions stack-gap">
      <button type="submit" className="button button--primary" disabled={isSubmitting}>{isSubmitting ? t('common.saving') : t('mailAccount.save')}</button>
    </div>
  )
}
