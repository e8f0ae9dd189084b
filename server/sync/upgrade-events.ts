// Up to schema 7 laptops wrote German sentences into touchpoints and case events; from 8 on the data holds
// a message key and parameters. An older laptop's operation, and the rows stored before, are converted by
// the one function the laptops' own migration uses (shared/modules/sync/legacy-events.ts).
import { legacyCaseEvent, legacyTouchpoint, type ConvertedEvent, type SyncTableName, type SyncValue } from '../../shared/modules/sync'

type Data = Record<string, SyncValue>

const withEvent = (data: Data, textColumn: 'summary' | 'text', converted: ConvertedEvent): Data =>
  converted.messageKey
    ? { ...data, [textColumn]: converted.text, message_key: converted.messageKey, message_params: JSON.stringify(converted.params) }
    : data

/** The fields of an operation (or a stored row) as schema 8 writes them. */
export function upgradeEventFields(table: SyncTableName | string, data: Data): Data {
  if (data.message_key !== undefined && data.message_key !== null) return data
  if (table === 'touchpoints' && typeof data.summary === 'string') return withEvent(data, 'summary', legacyTouchpoint(data.summary))
  if (table === 'case_events' && typeof data.text === 'string' && typeof data.kind === 'string') return withEvent(data, 'text', legacyCaseEvent(data.kind, data.text))
  return data
}
