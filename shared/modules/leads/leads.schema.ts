// A lead as a sending system posts it (marketing automation, issue 19): the server's endpoint validates every
// post with this schema, and the synced row keeps its scoring history in the JSON column the row schema checks
// with `leadEventsJson`, so both refuse the same things.
import { z } from 'zod'
import { LEAD_MAX_EVENTS, LEAD_MAX_SCORE } from './leads.enums'

const ISO_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/
const noNul = (value: string) => !value.includes('\u0000')
const line = (max: number) => z.string('errors.required').trim().max(max, 'errors.tooLong').refine(noNul, 'errors.invalid')
/** A day that exists (Date.parse takes 31 November as 1 December). */
const realDay = (value: string) => {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number]
  const day = new Date(Date.UTC(y, m - 1, d))
  return day.getUTCMonth() === m - 1 && day.getUTCDate() === d
}
const time = z.string('errors.leadTime').regex(ISO_TIME, 'errors.leadTime').refine(realDay, 'errors.leadTime')
const score = z.number('errors.number').int('errors.integer').min(0, 'errors.notNegative').max(LEAD_MAX_SCORE, 'errors.tooLarge')

/** One step of the scoring history: when, what the person did, and the points it brought (may be negative). */
export const leadEventSchema = z.object({
  at: time,
  activity: line(200).min(1, 'errors.required'),
  points: z.number('errors.number').int('errors.integer').min(-LEAD_MAX_SCORE, 'errors.tooSmall').max(LEAD_MAX_SCORE, 'errors.tooLarge'),
}).strict()
export type LeadEvent = z.output<typeof leadEventSchema>

export const leadEventsSchema = z.array(leadEventSchema).max(LEAD_MAX_EVENTS, 'errors.tooMany')

/** The scoring history as the synced row stores it: a JSON array of events. */
export const leadEventsJson = z.string().max(200_000).refine((value) => {
  try {
    return leadEventsSchema.safeParse(JSON.parse(value)).success
  } catch {
    return false
  }
})

export const leadPostSchema = z.object({
  /** The sender's own id of the lead: a second post with it creates nothing. */
  id: z.string('errors.required').trim().min(1, 'errors.required').max(100, 'errors.tooLong').regex(/^[\x21-\x7e]+$/, 'errors.invalid'),
  person: z.object({
    firstName: line(100).default(''),
    lastName: line(100).min(1, 'errors.required'),
    email: z.email('errors.email').max(254, 'errors.tooLong').optional(),
    phone: z.string('errors.phone').trim().max(40, 'errors.tooLong').regex(/^\+?[0-9 ()/-]{4,40}$/, 'errors.phone').optional(),
  }, 'errors.required').strict(),
  /** The company; its address (optional) proposes the field rep by territory (a German postcode, five digits). */
  company: z.object({
    name: line(200).min(1, 'errors.required'),
    postalCode: z.string('errors.postalCode').trim().regex(/^\d{5}$/, 'errors.postalCode').optional(),
    city: line(100).optional(),
    country: z.string('errors.leadCountry').trim().regex(/^[A-Z]{2}$/, 'errors.leadCountry').optional(),
  }, 'errors.required').strict(),
  source: line(100).min(1, 'errors.required'),
  campaign: line(200).default(''),
  score,
  events: leadEventsSchema.default([]),
  /** Consent to be contacted, as the sender recorded it (when and for what is its record, not ours). */
  consent: z.object({ given: z.boolean('errors.required'), at: time.optional() }, 'errors.required').strict(),
}).strict().superRefine((lead, ctx) => {
  // A lead nobody can reach is no lead: an e-mail address or a phone number is required.
  if (!lead.person.email && !lead.person.phone) ctx.addIssue({ code: 'custom', path: ['person', 'email'], message: 'errors.leadUnreachable' })
})
export type LeadPost = z.output<typeof leadPostSchema>
