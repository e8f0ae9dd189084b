// Placeholder (issue 16): replaced by the module's screen.
import type { RecordRef } from '../../components/record-panels'

export function AppointmentsPanel(_props: { record: RecordRef }) {
  return null
}
