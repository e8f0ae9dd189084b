// Settings → Synchronisation: connect to the team's sync server, see how it goes, sync now, log out.
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { Link } from 'react-router-dom'
import { syncConnectSchema, type SyncConnectInput } from '../../../../shared/modules/sync/status'
import { FormError, TextField, showServerErrors } from '../../components/form-fields'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { SyncProgress } from './sync-indicator'
import { useSyncStatus } from './use-sync-status'

const INTERVALS = [1, 5, 15, 30, 60]

export function SyncSettings() {
  const { t, tFromData, dateTime, number } = useI18n()
  const action = useAction()
  const { status, refresh } = useSyncStatus()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<SyncConnectInput>({ resolver: zodResolver(syncConnectSchema), defaultValues: { serverUrl: '', login: '', password: '', newPassword: '' } })
  /** The server asked for a password of the user's own (after a one-time password): the field stays until connected. */
  const [askNewPassword, setAskNewPassword] = useState(false)

  const connect = form.handleSubmit(async (input) => {
    setFormError(null)
    const result = await action.run('sync.connect', { ...input, newPassword: input.newPassword || undefined })
    if (result.ok) {
      form.reset({ serverUrl: input.serverUrl, login: input.login, password: '', newPassword: '' })
      setAskNewPassword(false)
      refresh()
    } else {
      if (result.error.fields?.newPassword) setAskNewPassword(true)
      setFormError(showServerErrors(form, result.error))
    }
  })
  const [busy, setBusy] = useState(false)
  const act = async (channel: 'sync.now' | 'sync.disconnect') => {
    setBusy(true)
    try {
      await action.run(channel, {})
    } finally {
      setBusy(false)
      refresh()
    }
  }
  const setInterval = async (minutes: number) => {
    await action.run('sync.configure', { intervalMinutes: minutes })
    refresh()
  }

  if (!status) return null
  const connected = status.state !== 'disconnected'
  return (
    <div className="card sync-card" id="sync">
      <h2>{t('sync.title')}</h2>
      {!connected ? (
        <FormProvider {...form}>
          <p>{t('sync.intro')}</p>
          {status.serverUrl ? <p className="muted">{t('sync.loggedOut', { server: status.serverUrl })}</p> : null}
          <form onSubmit={connect} noValidate className="form form--compact" aria-label={t('sync.connectForm')}>
            <FormError message={formError} />
            <TextField name="serverUrl" label={t('sync.serverUrl')} hint={t('sync.serverUrlHint')} required type="url" />
            <TextField name="login" label={t('sync.login')} required autoComplete="username" />
            <TextField name="password" label={t('sync.password')} required type="password" autoComplete="current-password" />
            {askNewPassword ? <TextField name="newPassword" label={t('sync.newPassword')} hint={t('sync.newPasswordHint')} required type="password" autoComplete="new-password" /> : null}
            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? t('sync.connecting') : t('sync.connect')}
              </button>
            </div>
          </form>
        </FormProvider>
      ) : (
        <>
          <dl className="details">
            <div className="details__item"><dt>{t('sync.server')}</dt><dd className="mono">{status.serverUrl}</dd></div>
            <div className="details__item"><dt>{t('sync.loggedInAs')}</dt><dd>{status.user ? `${status.user.displayName} (${tFromData(`enum.role.${status.user.role}`)})` : '–'}</dd></div>
            <div className="details__item"><dt>{t('sync.lastSuccess')}</dt><dd>{status.lastSyncAt ? dateTime(status.lastSyncAt) : t('sync.neverSynced')}</dd></div>
            <div className="details__item"><dt>{t('sync.pending')}</dt><dd>{number(status.pending)}</dd></div>
            <div className="details__item">
              <dt>{t('sync.conflicts')}</dt>
              <dd>{status.openConflicts > 0 ? <Link to="/conflicts">{t('sync.conflictsShort', { count: status.openConflicts })}</Link> : number(0)}</dd>
            </div>
            {status.rejected > 0 ? <div className="details__item"><dt>{t('sync.rejected')}</dt><dd>{number(status.rejected)}</dd></div> : null}
            {status.nextAttemptAt ? <div className="details__item"><dt>{t('sync.next')}</dt><dd>{dateTime(status.nextAttemptAt)}</dd></div> : null}
          </dl>
          <SyncProgress status={status} />
          {status.error ? <p className="form-error" role="alert">{tFromData(status.error)}</p> : null}
          {!status.tokenEncrypted ? <p className="muted small">{t('sync.tokenPlain')}</p> : null}
          <div className="field field--inline">
            <label htmlFor="sync-interval">{t('sync.interval')}</label>
            <select id="sync-interval" value={status.intervalMinutes} onChange={(e) => void setInterval(Number(e.target.value))}>
              {INTERVALS.map((m) => <option key={m} value={m}>{t('sync.everyMinutes', { count: m })}</option>)}
            </select>
          </div>
          <div className="form-actions">
            <button type="button" className="button button--primary" disabled={busy || status.state === 'syncing'} onClick={() => void act('sync.now')}>
              {busy || status.state === 'syncing' ? t('sync.syncing') : t('sync.now')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => void act('sync.disconnect')}>{t('sync.logout')}</button>
          </div>
        </>
      )}
    </div>
  )
}
