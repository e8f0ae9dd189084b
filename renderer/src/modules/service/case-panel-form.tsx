// The frame of the small forms a case is worked with (a step, the analysis, the rating, the warranty
// decision, a return step, the owner, a note): a react-hook-form on its channel's schema with the
// field components of form-fields.tsx, the form's message on top, and a save button that is off while
// a save is in flight, so a double click sends once.
import { zodResolver } from '@hookform/resolvers/zod'
import { useState, type ReactNode } from 'react'
import { FormProvider, useForm, useFormState, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form'
import type { z } from 'zod'
import type { ChangeChannel } from '../../../../shared/ipc/channel-kinds'
import type { ChannelInput } from '../../../../shared/ipc/contract'
import type { AppErrorData } from '../../../../shared/platform/result'
import { isOneOf } from '../../../../shared/platform/value-lists'
import { FormError, showServerErrors } from '../../components/form-fields'
import { useAction } from '../../lib/use-action'

interface PanelOptions<C extends ChangeChannel, I extends FieldValues, O> {
  /** The channel the panel saves through; its input schema is the form's. */
  channel: C
  schema: z.ZodType<O, I>
  defaultValues: DefaultValues<I>
  /** The fields the panel shows: main's errors about them go to the field, others become the message. */
  shown: readonly Path<I>[]
  onSaved: () => void
  /** Empty the form after a save (a note, a step), instead of keeping what was saved (an analysis). */
  clearAfterSave?: boolean
}

/**
 * A panel's form, typed by its channel's schema and validated with it before anything is sent, and
 * its save: the values go to the channel as the schema gave them; a refusal is shown (showPanelErrors).
 */
export function usePanel<C extends ChangeChannel, I extends FieldValues, O extends ChannelInput<C>>({ channel, schema, defaultValues, shown, onSaved, clearAfterSave }: PanelOptions<C, I, O>) {
  const [error, setError] = useState<string | null>(null)
  const form = useForm<I, unknown, O>({ resolver: zodResolver(schema), defaultValues })
  const action = useAction()
  const save = async (values: O) => {
    setError(null)
    const result = await action.run(channel, values)
    if (result.ok) {
      if (clearAfterSave) form.reset()
      onSaved()
    } else setError(showPanelErrors(form, result.error, shown))
  }
  return { form, error, setError, save }
}

interface PanelFormProps<I extends FieldValues, O> {
  /** What usePanel gave: the form, its message and its save. */
  panel: { form: UseFormReturn<I, unknown, O>; error: string | null; save: (values: O) => Promise<void> }
  /** The form's accessible name. */
  label: string
  children?: ReactNode
  /** The save button; several (a return's next steps) where the button chooses what is sent. */
  actions: ReactNode
}

export function PanelForm<I extends FieldValues, O>({ panel: { form, error, save }, label, children, actions }: PanelFormProps<I, O>) {
  return (
    <FormProvider {...form}>
      <form className="form stack stack-gap" aria-label={label} onSubmit={form.handleSubmit(save)} noValidate>
        <FormError message={error} />
        <div className="form-grid">{children}</div>
        <div className="form-actions">{actions}</div>
      </form>
    </FormProvider>
  )
}

/** Submits its form; disabled while a save of that form is in flight. */
export function SaveButton({ label, onClick }: { label: string; onClick?: () => void }) {
  const { isSubmitting } = useFormState()
  return (
    <button type="submit" className="button button--primary" disabled={isSubmitting} onClick={onClick}>
      {label}
    </button>
  )
}

/**
 * A failed save: an error about a field the panel shows goes to that field (showServerErrors); one
 * about something it has no field for (resolving a complaint needs the analysis' root cause, a
 * warranty case its decision) becomes the panel's message. Returns the message to show on top.
 */
export function showPanelErrors<I extends FieldValues, O>(form: UseFormReturn<I, unknown, O>, error: AppErrorData, shown: readonly Path<I>[]): string {
  const entries = Object.entries(error.fields ?? {})
  const here = entries.filter(([field]) => isOneOf(shown, field))
  const elsewhere = entries.find(([field]) => !isOneOf(shown, field))
  const message = showServerErrors(form, { ...error, fields: Object.fromEntries(here) })
  return elsewhere ? elsewhere[1] : message
}
