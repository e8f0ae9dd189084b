// The first-start assistant's steps (renderer/src/modules/settings/setup-page.tsx): the user's own
// details, then the company's. The fields and their checks are the letterhead's; a detail a letter
// cannot go out without (shared/platform/letter-profile.ts) is required here, so the assistant asks
// for exactly what sending an offer checks.
import { z } from 'zod'
import { REQUIRED_COMPANY_DETAILS, REQUIRED_SIGNER_DETAILS, type LetterDetail } from '../../platform/letter-profile'
import { letterheadSchema } from '../../platform/letterhead.schema'

type Field = keyof typeof letterheadSchema.shape

const REQUIRED = new Set<string>([...REQUIRED_COMPANY_DETAILS, ...REQUIRED_SIGNER_DETAILS])
export const isRequiredLetterDetail = (field: string): field is LetterDetail => REQUIRED.has(field)

/** The letterhead's fields, each required when a letter needs it. */
function step<const F extends readonly Field[]>(fields: F) {
  const shape = Object.fromEntries(fields.map((f) => {
    const field = letterheadSchema.shape[f]
    return [f, REQUIRED.has(f) ? field.refine((v: string) => v.trim() !== '', 'errors.required') : field]
  }))
  // Built from the letterhead's own fields, so each key keeps its type.
  return z.object(shape as Pick<typeof letterheadSchema.shape, F[number]>)
}

export const SETUP_ME_FIELDS = ['repName', 'repJobTitle', 'repEmail', 'repPhone', 'repMobile'] as const
export const SETUP_COMPANY_FIELDS = [
  'name', 'street', 'postalCode', 'city', 'phone', 'email', 'website', 'managingDirectors', 'registerCourt', 'registerNumber', 'vatId', 'bankName', 'iban', 'bic',
] as const

export const setupMeSchema = step(SETUP_ME_FIELDS)
export const setupCompanySchema = step(SETUP_COMPANY_FIELDS)
export type SetupMe = z.output<typeof setupMeSchema>
export type SetupCompany = z.output<typeof setupCompanySchema>
