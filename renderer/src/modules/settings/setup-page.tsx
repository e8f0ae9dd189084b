// The first-start assistant (/setup): your name and contact details → the company profile → done.
// Opened by itself on a first start while the letter's details are incomplete (first-start.tsx), and
// again from the settings. Each step saves into the device profile, so "Später" keeps what is typed.
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { FormProvider, useForm, type FieldValues, type UseFormReturn } from 'react-hook-form'
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom'
import type { z } from 'zod'
import {
  SETUP_COMPANY_FIELDS, SETUP_ME_FIELDS, isRequiredLetterDetail, setupCompanySchema, setupMeSchema, type CompanyProfileSettings, type SetupCompany, type SetupMe,
} from '../../../../shared/modules/settings'
import { Badge, LoadError, PageHeader } from '../../components/page'
import { FormError, TextField, showServerErrors } from '../../components/form-fields'
import { useI18n } from '../../lib/i18n'
import { useAction } from '../../lib/use-action'
import { useData } from '../../lib/use-data'
import { postponeSetup } from './first-start'

const STEPS = ['me', 'company', 'done'] as const
type Step = (typeof STEPS)[number]
const isStep = (s: string | null): s is Step => STEPS.some((x) => x === s)

/** Where "Später" and "Fertig" lead: the page the assistant was opened instead of, else the customers. */
function useReturnTo(): string {
  const state: unknown = useLocation().state
  return state && typeof state === 'object' && 'from' in state && typeof state.from === 'string' && state.from !== '/setup' ? state.from : '/companies'
}

export function SetupPage() {
  const { t } = useI18n()
  const [params, setParams] = useSearchParams()
  const asked = params.get('step')
  const step: Step = isStep(asked) ? asked : 'me'
  const profile = useData('profile.get', {})
  const navigate = useNavigate()
  const returnTo = useReturnTo()
  const location = useLocation()
  const go = (next: Step) => setParams({ step: next }, { state: location.state })
  const later = () => {
    postponeSetup()
    navigate(returnTo)
  }

  if (profile.error) return <LoadError message={profile.error} />
  const n = STEPS.indexOf(step) + 1
  return (
    <section className="page">
      <PageHeader
        title={t('setup.title')}
        subtitle={
          <>
            <span role="list" aria-label={t('setup.steps')}>
              {STEPS.map((s, i) => (
                <span key={s} role="listitem" aria-current={s === step ? 'step' : undefined}>
                  <Badge tone={s === step ? 'station' : i < n - 1 ? 'good' : 'muted'}>{`${i + 1}. ${t(`setup.step.${s}`)}`}</Badge>{' '}
                </span>
              ))}
            </span>
            <span>{t('setup.stepOf', { n, total: STEPS.length })}</span>
          </>
        }
      />
      {profile.data && step === 'me' ? <MeStep profile={profile.data} onSaved={() => { profile.reload(); go('company') }} onLater={later} /> : null}
      {profile.data && step === 'company' ? (
        <CompanyStep profile={profile.data} onSaved={() => { profile.reload(); go('done') }} onBack={() => go('me')} onLater={later} />
      ) : null}
      {step === 'done' ? (
        <div className="card">
          <h2>{t('setup.step.done')}</h2>
          <p>{t('setup.done.text')}</p>
          <div className="form-actions">
            <Link className="button button--primary" to={returnTo}>{returnTo === '/companies' ? t('setup.done.start') : t('setup.done.return')}</Link>
            <Link className="button" to="/settings">{t('setup.done.settings')}</Link>
          </div>
        </div>
      ) : null}
    </section>
  )
}

type SetupField = (typeof SETUP_ME_FIELDS)[number] | (typeof SETUP_COMPANY_FIELDS)[number]

type StepProps = { profile: CompanyProfileSettings; onSaved(): void; onBack?(): void; onLater(): void }

function MeStep(props: StepProps) {
  const { t } = useI18n()
  const form = useForm<z.input<typeof setupMeSchema>, unknown, SetupMe>({ resolver: zodResolver(setupMeSchema), defaultValues: props.profile })
  return <StepForm {...props} form={form} fields={SETUP_ME_FIELDS} title={t('setup.step.me')} intro={[t('setup.welcome'), t('setup.me.hint')]} />
}

function CompanyStep(props: StepProps) {
  const { t } = useI18n()
  const form = useForm<z.input<typeof setupCompanySchema>, unknown, SetupCompany>({ resolver: zodResolver(setupCompanySchema), defaultValues: props.profile })
  return <StepForm {...props} form={form} fields={SETUP_COMPANY_FIELDS} title={t('setup.step.company')} intro={[t('setup.company.hint')]} />
}

/** One step: its fields (required ones marked), saved into the whole profile; Back, Next, Later. */
function StepForm<T extends FieldValues, O extends Partial<CompanyProfileSettings>>(props: StepProps & {
  form: UseFormReturn<T, unknown, O>
  fields: readonly SetupField[]
  title: string
  intro: string[]
}) {
  const { t } = useI18n()
  const { run, busy } = useAction()
  const [formError, setFormError] = useState<string | null>(null)
  const { form } = props
  const save = form.handleSubmit(async (values) => {
    setFormError(null)
    // The step's fields go into the whole profile: the other parts stay as they are.
    const result = await run('profile.update', { ...props.profile, ...values })
    if (result.ok) props.onSaved()
    else setFormError(showServerErrors(form, result.error))
  })
  return (
    <div className="card">
      <h2>{props.title}</h2>
      {props.intro.map((p) => <p key={p} className="muted">{p}</p>)}
      <FormProvider {...form}>
        <form onSubmit={save} noValidate className="form" aria-label={props.title}>
          <FormError message={formError} />
          <div className="form-grid">
            {props.fields.map((field) => (
              <TextField key={field} name={field} label={t(`profile.${field}`)} required={isRequiredLetterDetail(field)}
                hint={field === 'repPhone' ? t('profile.repPhoneHint') : undefined} type={field === 'email' || field === 'repEmail' ? 'email' : 'text'} />
            ))}
          </div>
          <div className="form-actions">
            {props.onBack ? <button type="button" className="button" onClick={props.onBack}>{t('setup.back')}</button> : null}
            <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('common.saving') : t('setup.next')}</button>
            <button type="button" className="button button--ghost" onClick={props.onLater}>{t('setup.later')}</button>
          </div>
        </form>
      </FormProvider>
    </div>
  )
}
