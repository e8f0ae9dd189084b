// The parts of the Team & Benutzer page: a new user's form, the one-time password, teams, devices.
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import {
  adminCreateTeamSchema, adminCreateUserSchema, type AdminCreateUser, type AdminDevice, type AdminOneTimePassword, type AdminTeam,
} from '../../../../shared/modules/sync/admin-protocol'
import { ROLES } from '../../../../shared/platform/rights'
import { FormError, SelectField, TextField, showServerErrors } from '../../components/form-fields'
import { useI18n } from '../../lib/i18n'
import { useAction } from '../../lib/use-action'

export function OneTimePassword({ login, password, onDone }: { login: string; password: string; onDone(): void }) {
  const { t } = useI18n()
  return (
    <div className="card" role="status" aria-label={t('teamAdmin.oneTimeTitle', { login })}>
      <h2>{t('teamAdmin.oneTimeTitle', { login })}</h2>
      <p className="mono one-time-password" data-testid="one-time-password">{password}</p>
      <p className="muted">{t('teamAdmin.oneTimeHint')}</p>
      <button type="button" className="button" onClick={onDone}>{t('teamAdmin.oneTimeDone')}</button>
    </div>
  )
}

export function NewUserForm({ teams, onCreated }: { teams: AdminTeam[]; onCreated(login: string, secret: AdminOneTimePassword): void }) {
  const { t, tFromData } = useI18n()
  const { run } = useAction()
  const [formError, setFormError] = useState<string | null>(null)
  const empty = { login: '', displayName: '', email: '', role: 'field_sales', teamId: '' } as const
  const form = useForm<AdminCreateUser>({ resolver: zodResolver(adminCreateUserSchema) as never, defaultValues: empty })
  const submit = form.handleSubmit(async (input) => {
    setFormError(null)
    const result = await run('teamAdmin.createUser', input)
    if (result.ok) {
      form.reset(empty)
      onCreated(input.login, result.data)
    } else setFormError(showServerErrors(form, result.error))
  })
  return (
    <div className="card">
      <h2>{t('teamAdmin.newUser')}</h2>
      <FormProvider {...form}>
        <form onSubmit={submit} noValidate className="form form--compact" aria-label={t('teamAdmin.newUser')}>
          <FormError message={formError} />
          <TextField name="login" label={t('teamAdmin.login')} required autoComplete="off" />
          <TextField name="displayName" label={t('teamAdmin.name')} required />
          <TextField name="email" label={t('teamAdmin.email')} type="email" />
          <SelectField name="role" label={t('teamAdmin.role')} required options={ROLES.map((role) => ({ value: role, label: tFromData(`enum.role.${role}`) }))} />
          <SelectField name="teamId" label={t('teamAdmin.team')} emptyLabel={t('teamAdmin.noTeam')} options={teams.map((team) => ({ value: team.id, label: team.name }))} />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting}>{t('teamAdmin.createUser')}</button>
          </div>
        </form>
      </FormProvider>
    </div>
  )
}

export function TeamsSection({ teams, reload }: { teams: AdminTeam[]; reload(): void }) {
  const { t, number } = useI18n()
  const { run } = useAction()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<{ name: string }>({ resolver: zodResolver(adminCreateTeamSchema), defaultValues: { name: '' } })
  const submit = form.handleSubmit(async (input) => {
    setFormError(null)
    const result = await run('teamAdmin.createTeam', input)
    if (result.ok) {
      form.reset({ name: '' })
      reload()
    } else setFormError(showServerErrors(form, result.error))
  })
  return (
    <div className="card">
      <h2>{t('teamAdmin.teams')}</h2>
      <table className="data-table" aria-label={t('teamAdmin.teams')}>
        <thead><tr><th>{t('teamAdmin.name')}</th><th>{t('teamAdmin.members')}</th></tr></thead>
        <tbody>{teams.map((team) => <tr key={team.id}><td>{team.name}</td><td>{number(team.members)}</td></tr>)}</tbody>
      </table>
      <FormProvider {...form}>
        <form onSubmit={submit} noValidate className="form form--compact" aria-label={t('teamAdmin.newTeam')}>
          <FormError message={formError} />
          <TextField name="name" label={t('teamAdmin.teamName')} required />
          <div className="form-actions">
            <button type="submit" className="button" disabled={form.formState.isSubmitting}>{t('teamAdmin.createTeam')}</button>
          </div>
        </form>
      </FormProvider>
    </div>
  )
}

export function DevicesSection({ devices }: { devices: AdminDevice[] }) {
  const { t, dateTime } = useI18n()
  const when = (at: string | null) => (at ? dateTime(at) : t('teamAdmin.never'))
  return (
    <div className="card">
      <h2>{t('teamAdmin.devices')}</h2>
      {devices.length === 0 ? <p className="muted">{t('teamAdmin.noDevices')}</p> : (
        <table className="data-table" aria-label={t('teamAdmin.devices')}>
          <thead><tr><th>{t('teamAdmin.user')}</th><th>{t('teamAdmin.device')}</th><th>{t('teamAdmin.lastPush')}</th><th>{t('teamAdmin.lastPull')}</th></tr></thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.clientId}>
                <td>{d.displayName} <span className="muted mono">({d.login})</span></td>
                <td>{d.deviceName || <span className="mono">{d.clientId}</span>}</td>
                <td>{when(d.lastPushAt)}</td>
                <td>{when(d.lastPullAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
