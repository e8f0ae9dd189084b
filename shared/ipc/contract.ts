// The IPC contract: per channel the input schema (validated in main) and the output type (for callers).
import { z } from 'zod'
import type { Page } from '../domain/common.schema'
import { byIdSchema, companyCreateSchema, companyListQuerySchema, companyUpdateSchema } from '../domain/customers/company.schema'
import { contactCreateSchema, contactListQuerySchema, contactUpdateSchema } from '../domain/customers/contact.schema'
import { personaCreateSchema, personaUpdateSchema } from '../domain/customers/persona.schema'
import { timelineQuerySchema, touchpointCreateSchema, touchpointListQuerySchema } from '../domain/customers/touchpoint.schema'
import type { Company, CompanyListItem, Contact, ContactListItem, Persona, StationCount, TimelineEntry, Touchpoint, User } from '../domain/customers/customer.types'
import { demoLoadSchema, settingsUpdateSchema, type AppInfo, type Settings } from '../domain/settings/settings.schema'
import { conflictResolveSchema, syncConfigureSchema, syncConnectSchema, type ConflictItem, type SyncStatus } from '../sync/status'
import type { Channel } from './channels'

export interface ChannelDef<I extends z.ZodType, O> {
  input: I
  /** Never set: carries the output type for callers. */
  output?: O
}

const channel = <O>() => <I extends z.ZodType>(input: I): ChannelDef<I, O> => ({ input })
const none = z.object({}).strict().default({})

export const contract = {
  'app.info': channel<AppInfo>()(none),
  'settings.get': channel<Settings>()(none),
  'settings.update': channel<Settings>()(settingsUpdateSchema),
  'users.list': channel<User[]>()(none),
  'companies.list': channel<Page<CompanyListItem>>()(companyListQuerySchema),
  'companies.get': channel<Company>()(byIdSchema),
  'companies.create': channel<Company>()(companyCreateSchema),
  'companies.update': channel<Company>()(companyUpdateSchema),
  'companies.delete': channel<{ id: string }>()(byIdSchema),
  'companies.stationCounts': channel<StationCount[]>()(none),
  'contacts.list': channel<Page<ContactListItem>>()(contactListQuerySchema),
  'contacts.get': channel<Contact>()(byIdSchema),
  'contacts.create': channel<Contact>()(contactCreateSchema),
  'contacts.update': channel<Contact>()(contactUpdateSchema),
  'contacts.delete': channel<{ id: string }>()(byIdSchema),
  'personas.list': channel<Persona[]>()(none),
  'personas.get': channel<Persona>()(byIdSchema),
  'personas.create': channel<Persona>()(personaCreateSchema),
  'personas.update': channel<Persona>()(personaUpdateSchema),
  'personas.delete': channel<{ id: string }>()(byIdSchema),
  'touchpoints.list': channel<Page<Touchpoint>>()(touchpointListQuerySchema),
  'touchpoints.create': channel<Touchpoint>()(touchpointCreateSchema),
  'touchpoints.delete': channel<{ id: string }>()(byIdSchema),
  'timeline.forCompany': channel<Page<TimelineEntry>>()(timelineQuerySchema),
  'demo.load': channel<{ companies: number }>()(demoLoadSchema),
  'sync.status': channel<SyncStatus>()(none),
  'sync.connect': channel<SyncStatus>()(syncConnectSchema),
  'sync.disconnect': channel<SyncStatus>()(none),
  'sync.now': channel<SyncStatus>()(none),
  'sync.configure': channel<SyncStatus>()(syncConfigureSchema),
  'sync.online': channel<SyncStatus>()(none),
  'conflicts.list': channel<ConflictItem[]>()(none),
  'conflicts.resolve': channel<{ id: string }>()(conflictResolveSchema),
} satisfies Record<Channel, ChannelDef<z.ZodType, unknown>>

export type Contract = typeof contract
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
export type ChannelParsed<C extends Channel> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = NonNullable<Contract[C]['output']>
