// Consent per contact (DSGVO): channel, purpose, given on, source, withdrawn on — what the contact page
// sends and shows. A consent is never edited: it is given once and may be withdrawn; a new one is a new row.
import { z } from 'zod'
import { daySchema, idSchema, requiredIdSchema, text } from '../../platform/common.schema'

export const CONSENT_CHANNELS = ['email', 'phone', 'letter', 'sms'] as const
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number]
export const CONSENT_PURPOSES = ['advertising', 'newsletter', 'events', 'surveys'] as const
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number]

export const consentCreateSchema = z.object({
  contactId: requiredIdSchema,
  channel: z.enum(CONSENT_CHANNELS, 'errors.invalidChoice'),
  purpose: z.enum(CONSENT_PURPOSES, 'errors.invalidChoice'),
  givenOn: daySchema,
  /** Where the consent came from: "Messe Hannover 2026", "Webformular", "Visitenkarte". */
  source: text(200),
  note: text(1000),
})
export type ConsentCreateInput = z.output<typeof consentCreateSchema>

export const consentWithdrawSchema = z.object({ id: idSchema, withdrawnOn: daySchema })
export const consentListSchema = z.object({ contactId: idSchema })

export interface Consent {
  id: string
  contactId: string
  channel: ConsentChannel
  purpose: ConsentPurpose
  givenOn: string
  source: string
  withdrawnOn: string | null
  note: string
  createdAt: string
}

/**
 * What a contact's consents say about a channel: 'given' while one is not withdrawn, 'withdrawn' when there
 * were some and every one is withdrawn, 'none' without any. Advertising on the channel needs 'given'.
 */
export type ConsentState = 'given' | 'withdrawn' | 'none'
export function consentState(consents: ReadonlyArray<Pick<Consent, 'channel' | 'withdrawnOn'>>, channel: ConsentChannel): ConsentState {
  const onChannel = consents.filter((c) => c.channel === channel)
  if (onChannel.length === 0) return 'none'
  return onChannel.some((c) => c.withdrawnOn === null) ? 'given' : 'withdrawn'
}
