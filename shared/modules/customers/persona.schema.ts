// Persona input: the typing matrix of the source documents (WER, WARUM, WAS, WELCHE Funktion …).
import { z } from 'zod'
import { idSchema, requiredText, text } from '../../platform/common.schema'
import { LANGUAGES, YES_NO_UNKNOWN } from './customer.enums'
import { exportFormatSchema } from '../../platform/export-file'

/** The matrix questions in the order the source lists them; the form renders them in this order. */
export const PERSONA_MATRIX_FIELDS = [
  'who',
  'whyGoals',
  'wantsToKnow',
  'jobFunction',
  'languageStyle',
  'informationPrejudices',
  'worries',
  'informationChannels',
  'valuesAttitudes',
  'contactChannel',
  'triggerEvents',
  'knowsCompetitors',
] as const
export type PersonaMatrixField = (typeof PERSONA_MATRIX_FIELDS)[number]

export const personaFieldsSchema = z.object({
  name: requiredText(120),
  motto: text(300),
  who: text(2000),
  whyGoals: text(2000),
  wantsToKnow: text(2000),
  jobFunction: text(200),
  languageStyle: text(500),
  informationPrejudices: text(2000),
  worries: text(2000),
  informationChannels: text(2000),
  valuesAttitudes: text(2000),
  contactChannel: text(500),
  triggerEvents: text(2000),
  formerCustomer: z.enum(YES_NO_UNKNOWN, 'errors.invalidChoice'),
  knowsCompetitors: text(2000),
})
export type PersonaFields = z.output<typeof personaFieldsSchema>
export type PersonaFieldsInput = z.input<typeof personaFieldsSchema>

export const personaCreateSchema = personaFieldsSchema
export const personaUpdateSchema = personaFieldsSchema.extend({ id: idSchema })

/** The personas as a file: all of them (the page lists all), in the reader's language. */
export const personaExportSchema = z.object({
  format: exportFormatSchema,
  language: z.enum(LANGUAGES, 'errors.invalidChoice').default('de'),
})
