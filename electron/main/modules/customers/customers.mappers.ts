// The one place per table that maps snake_case rows to camelCase domain objects and back.
import type { CompanyRow } from '../../../../db/modules/customers/company.repository'
import type { ContactRow } from '../../../../db/modules/customers/contact.repository'
import type { PersonaRow } from '../../../../db/modules/customers/persona.repository'
import type { TouchpointRow } from '../../../../db/modules/customers/touchpoint.repository'
import type { InsertColumns } from '../../../../db/platform/synced-writes'
import type { CompanyFields } from '../../../../shared/modules/customers/company.schema'
import type { ContactFields } from '../../../../shared/modules/customers/contact.schema'
import type { Company, Contact, Persona, Touchpoint } from '../../../../shared/modules/customers/customer.types'
import type { PersonaFields } from '../../../../shared/modules/customers/persona.schema'
import type { TouchpointFields } from '../../../../shared/modules/customers/touchpoint.schema'
import { currentStation, parseMailMeta } from '../../../../shared/modules/customers'
import { parseEventParams } from '../../../../shared/platform/event-message'

export const companyColumns = (f: CompanyFields): InsertColumns<'companies'> => ({
  name: f.name,
  customer_number: f.customerNumber,
  street: f.street,
  postal_code: f.postalCode,
  city: f.city,
  federal_state: f.federalState,
  industry: f.industry,
  segment: f.segment,
  status: f.status,
  owner_id: f.ownerId,
  lead_source: f.leadSource,
  notes: f.notes,
})

export const toCompany = (r: CompanyRow): Company => ({
  id: r.id,
  name: r.name,
  customerNumber: r.customer_number,
  street: r.street,
  postalCode: r.postal_code,
  city: r.city,
  federalState: r.federal_state,
  industry: r.industry,
  segment: r.segment,
  status: r.status,
  ownerId: r.owner_id,
  ownerName: r.owner_name ?? '',
  formerNumbers: r.former_numbers,
  leadSource: r.lead_source,
  notes: r.notes,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  journey: r.reason
    ? { station: r.station, reason: r.reason }
    : currentStation({ status: r.status }),
})

export const contactColumns = (f: ContactFields): InsertColumns<'contacts'> => ({
  company_id: f.companyId,
  salutation: f.salutation,
  title: f.title,
  first_name: f.firstName,
  last_name: f.lastName,
  job_function: f.jobFunction,
  email: f.email,
  phone: f.phone,
  mobile: f.mobile,
  language: f.language,
  buying_role: f.buyingRole,
  attitude: f.attitude,
  influence: f.influence,
  worries: f.worries,
  goals: f.goals,
  persona_id: f.personaId || null,
  notes: f.notes,
})

export const toContact = (r: ContactRow): Contact => ({
  id: r.id,
  companyId: r.company_id,
  companyName: r.company_name,
  salutation: r.salutation,
  title: r.title,
  firstName: r.first_name,
  lastName: r.last_name,
  jobFunction: r.job_function,
  email: r.email,
  phone: r.phone,
  mobile: r.mobile,
  language: r.language,
  buyingRole: r.buying_role,
  attitude: r.attitude,
  influence: r.influence,
  worries: r.worries,
  goals: r.goals,
  personaId: r.persona_id ?? '',
  personaName: r.persona_name ?? '',
  notes: r.notes,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export const personaColumns = (f: PersonaFields): InsertColumns<'personas'> => ({
  name: f.name,
  motto: f.motto,
  who: f.who,
  why_goals: f.whyGoals,
  wants_to_know: f.wantsToKnow,
  job_function: f.jobFunction,
  language_style: f.languageStyle,
  information_prejudices: f.informationPrejudices,
  worries: f.worries,
  information_channels: f.informationChannels,
  values_attitudes: f.valuesAttitudes,
  contact_channel: f.contactChannel,
  trigger_events: f.triggerEvents,
  former_customer: f.formerCustomer,
  knows_competitors: f.knowsCompetitors,
})

export const toPersona = (r: PersonaRow): Persona => ({
  id: r.id,
  name: r.name,
  motto: r.motto,
  who: r.who,
  whyGoals: r.why_goals,
  wantsToKnow: r.wants_to_know,
  jobFunction: r.job_function,
  languageStyle: r.language_style,
  informationPrejudices: r.information_prejudices,
  worries: r.worries,
  informationChannels: r.information_channels,
  valuesAttitudes: r.values_attitudes,
  contactChannel: r.contact_channel,
  triggerEvents: r.trigger_events,
  formerCustomer: r.former_customer,
  knowsCompetitors: r.knows_competitors,
  contactCount: Number(r.contact_count),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export const touchpointColumns = (f: TouchpointFields, createdBy: string): InsertColumns<'touchpoints'> => ({
  company_id: f.companyId,
  contact_id: f.contactId || null,
  occurred_at: new Date(f.occurredAt).toISOString(),
  channel: f.channel,
  direction: f.direction,
  mode: f.mode,
  station: f.station,
  summary: f.summary,
  created_by: createdBy,
})

export const toTouchpoint = (r: TouchpointRow): Touchpoint => ({
  id: r.id,
  companyId: r.company_id,
  companyName: r.company_name,
  contactId: r.contact_id ?? '',
  contactName: r.contact_name ?? '',
  occurredAt: r.occurred_at,
  channel: r.channel,
  direction: r.direction,
  mode: r.mode,
  station: r.station,
  summary: r.summary,
  messageKey: r.message_key,
  messageParams: parseEventParams(r.message_params),
  relatedType: r.related_type ?? null,
  relatedId: r.related_id ?? null,
  mailMessageId: r.mail_message_id ?? null,
  mail: parseMailMeta(r.mail_meta),
  createdByName: r.created_by_name ?? '',
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})
