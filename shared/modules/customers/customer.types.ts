// What the customer channels return. Domain objects are camelCase; db/ maps rows in one place per table.
import type { JourneyPosition } from './journey.rules'
import type { Station } from './journey.stations'
import type { CompanyFields } from './company.schema'
import type { ContactFields } from './contact.schema'
import type { PersonaFields } from './persona.schema'
import type { TouchpointFields } from './touchpoint.schema'
import type { EventParams } from '../../platform/event-message'
import type { HealthLight, TouchpointRelatedType } from './customer.enums'
import type { MailMeta } from './touchpoint-mail.schema'

interface Record_ {
  id: string
  createdAt: string
  updatedAt: string
}

/** `formerNumbers`: customer numbers of companies merged into this one, space-separated. */
export type Company = CompanyFields & Record_ & { journey: JourneyPosition; ownerName: string; formerNumbers: string }

export interface CompanyListItem {
  id: string
  name: string
  customerNumber: string
  city: string
  federalState: string
  status: CompanyFields['status']
  segment: CompanyFields['segment']
  station: Station | null
  ownerName: string
  updatedAt: string
  /** The Customer Health Score and its light; null when none is computed for the company. */
  health: { score: number; light: HealthLight } | null
}

export type Contact = ContactFields & Record_ & { companyName: string; personaName: string }

export interface ContactListItem {
  id: string
  companyId: string
  companyName: string
  salutation: ContactFields['salutation']
  title: string
  firstName: string
  lastName: string
  jobFunction: string
  email: string
  phone: string
  mobile: string
  language: ContactFields['language']
  buyingRole: ContactFields['buyingRole']
  attitude: ContactFields['attitude']
  influence: ContactFields['influence']
  /** The e-mail consent (consent.schema.ts consentState): a withdrawn one is marked wherever the e-mail is offered. */
  emailConsent: 'given' | 'withdrawn' | 'none'
  updatedAt: string
}

export type Persona = PersonaFields & Record_ & { contactCount: number }

/**
 * `summary` is what a user wrote; an event the app recorded (a contract signed, an offer sent) also has its
 * message key and parameters, rendered in the reader's language (shared/i18n/event-text.ts).
 */
export type Touchpoint = TouchpointFields & Record_ & {
  companyName: string
  contactName: string
  createdByName: string
  messageKey: string | null
  messageParams: EventParams
  /** The record it belongs to besides the customer (an offer's mail). */
  relatedType: TouchpointRelatedType | null
  relatedId: string | null
  /** A mail's Message-ID and envelope (from, to, first lines, attachments); null for anything else. */
  mailMessageId: string | null
  mail: MailMeta | null
}

export type TimelineEntry =
  | { kind: 'touchpoint'; at: string; touchpoint: Touchpoint }
  | { kind: 'company_created'; at: string }

export interface StationCount {
  station: Station | 'none'
  count: number
}

export interface User {
  id: string
  displayName: string
  email: string
  role: string
}
