// Panels another module adds to a record's page (a customer, an offer, a contract, a case): the tasks and
// appointments of the record, say. A page shows `<RecordPanels record={…} />` where they belong; which panels
// there are is decided by the composition root (app.tsx), so a page never imports the module that adds one.
import { createContext, Fragment, useContext, type ReactNode } from 'react'

export type RecordKind = 'company' | 'offer' | 'contract' | 'case'
export interface RecordRef {
  kind: RecordKind
  id: string
  companyId: string
}
export type RecordPanel = (record: RecordRef) => ReactNode

const RecordPanelsContext = createContext<readonly RecordPanel[]>([])
export const RecordPanelsProvider = RecordPanelsContext.Provider

export function RecordPanels({ record }: { record: RecordRef }) {
  const panels = useContext(RecordPanelsContext)
  if (!record.id || !record.companyId) return null
  return <>{panels.map((panel, i) => <Fragment key={i}>{panel(record)}</Fragment>)}</>
}

/** Panels of a contact's page (its files): a contact is not a station record, so it has panels of its own. */
export type ContactPanel = (contact: { id: string; companyId: string }) => ReactNode
const ContactPanelsContext = createContext<readonly ContactPanel[]>([])
export const ContactPanelsProvider = ContactPanelsContext.Provider

export function ContactPanels({ contact }: { contact: { id: string; companyId: string } }) {
  const panels = useContext(ContactPanelsContext)
  if (!contact.id || !contact.companyId) return null
  return <>{panels.map((panel, i) => <Fragment key={i}>{panel(contact)}</Fragment>)}</>
}
