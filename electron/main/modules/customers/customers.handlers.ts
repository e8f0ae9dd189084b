// Handlers of the customer area: companies, contacts, personas, touchpoints, timeline.
import { createCompany, deleteCompany, getCompany, listCompanies, stationCounts, updateCompany } from './company.service'
import { createContact, deleteContact, getContact, listContacts, updateContact } from './contact.service'
import { createPersona, deletePersona, getPersona, listPersonas, updatePersona } from './persona.service'
import { exportPersonas } from './persona-export.service'
import { companyTimeline, recordTimeline, createTouchpoint, deleteTouchpoint, listTouchpoints } from './touchpoint.service'
import { exportTouchpoints } from './touchpoint-export.service'
import { exportCompanies } from './company-export.service'
import { exportContacts, exportVcards } from './contact-export.service'
import { importVcards } from './contact-import.service'
import { mergeCompanies } from './company-merge.service'
import { companyTeam, moveCompanyToTeam } from './company-move.service'
import { giveConsent, listConsents, withdrawConsent } from './consent.service'
import { completeReview, keepCompany, listRetentionDue, saveRetentionSettings } from './retention.service'
import { checkCompanyDuplicates, checkContactDuplicates, dismissDuplicate, listDuplicates } from './duplicate.service'
import { analyseImport, cancelImport, deleteMapping, importProgress, runImport, saveMapping, uploadChunk } from './customer-import.service'
import type { HandlerMap } from '../../ipc/handler-types'

type Area = 'companies' | 'consents' | 'contacts' | 'duplicates' | 'imports' | 'retention' | 'personas' | 'touchpoints' | 'timeline'

export const customerHandlers = {
  'companies.list': ({ ctx }, q) => listCompanies(ctx, q),
  'companies.get': ({ ctx }, { id }) => getCompany(ctx, id),
  'companies.create': ({ ctx }, fields) => createCompany(ctx, fields),
  'companies.update': ({ ctx }, { id, ...fields }) => updateCompany(ctx, id, fields),
  'companies.delete': ({ ctx }, { id }) => deleteCompany(ctx, id),
  'companies.stationCounts': ({ ctx }) => stationCounts(ctx),
  'companies.export': ({ ctx }, q) => exportCompanies(ctx, q),
  'companies.merge': ({ ctx }, input) => mergeCompanies(ctx, input),
  'companies.teamOf': ({ ctx }, { id }) => companyTeam(ctx, id),
  'companies.moveTeam': ({ ctx }, { id, teamId }) => moveCompanyToTeam(ctx, id, teamId),
  'consents.list': ({ ctx }, { contactId }) => listConsents(ctx, contactId),
  'consents.create': ({ ctx }, input) => giveConsent(ctx, input),
  'consents.withdraw': ({ ctx }, { id, withdrawnOn }) => withdrawConsent(ctx, id, withdrawnOn),
  'retention.list': ({ ctx }) => listRetentionDue(ctx),
  'retention.settings': ({ ctx }, settings) => saveRetentionSettings(ctx, settings),
  'retention.keep': ({ ctx }, { id, until }) => keepCompany(ctx, id, until),
  'retention.complete': ({ ctx }) => completeReview(ctx),
  'duplicates.list': ({ ctx }, { kind }) => listDuplicates(ctx, kind),
  'duplicates.check': ({ ctx }, input) => checkCompanyDuplicates(ctx, input),
  'duplicates.checkContact': ({ ctx }, input) => checkContactDuplicates(ctx, input),
  'duplicates.dismiss': ({ ctx }, { kind, aId, bId }) => dismissDuplicate(ctx, kind, aId, bId),
  'contacts.list': ({ ctx }, q) => listContacts(ctx, q),
  'contacts.get': ({ ctx }, { id }) => getContact(ctx, id),
  'contacts.export': ({ ctx }, q) => exportContacts(ctx, q),
  'contacts.vcard': ({ ctx }, q) => exportVcards(ctx, q),
  'contacts.importVcard': ({ ctx }, input) => importVcards(ctx, input),
  'contacts.create': ({ ctx }, fields) => createContact(ctx, fields),
  'imports.upload': async ({ ctx }, input) => uploadChunk(ctx, input),
  'imports.analyse': ({ ctx }, input) => analyseImport(ctx, input),
  'imports.run': ({ ctx }, input) => runImport(ctx, input),
  'imports.progress': async ({ ctx }, { importId }) => importProgress(ctx, importId),
  'imports.cancel': async ({ ctx }, { importId }) => cancelImport(ctx, importId),
  'imports.saveMapping': ({ ctx }, mapping) => saveMapping(ctx, mapping),
  'imports.deleteMapping': ({ ctx }, { target, name }) => deleteMapping(ctx, target, name),
  'contacts.update': ({ ctx }, { id, ...fields }) => updateContact(ctx, id, fields),
  'contacts.delete': ({ ctx }, { id }) => deleteContact(ctx, id),
  'personas.list': ({ ctx }) => listPersonas(ctx),
  'personas.export': ({ ctx }, q) => exportPersonas(ctx, q),
  'personas.get': ({ ctx }, { id }) => getPersona(ctx, id),
  'personas.create': ({ ctx }, fields) => createPersona(ctx, fields),
  'personas.update': ({ ctx }, { id, ...fields }) => updatePersona(ctx, id, fields),
  'personas.delete': ({ ctx }, { id }) => deletePersona(ctx, id),
  'touchpoints.list': ({ ctx }, q) => listTouchpoints(ctx, q),
  'touchpoints.export': ({ ctx }, q) => exportTouchpoints(ctx, q),
  'touchpoints.create': ({ ctx }, fields) => createTouchpoint(ctx, fields),
  'touchpoints.delete': ({ ctx }, { id }) => deleteTouchpoint(ctx, id),
  'timeline.forCompany': ({ ctx }, q) => companyTimeline(ctx, q),
  'timeline.forRecord': ({ ctx }, q) => recordTimeline(ctx, q),
} satisfies Pick<HandlerMap, Extract<keyof HandlerMap, `${Area}.${string}`>>
