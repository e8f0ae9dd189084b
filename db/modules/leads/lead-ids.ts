// The id of a posted lead, derived from the integration and the sender's own id: a retried post (its answer
// lost, no Idempotency-Key) computes the same id and finds the lead it made before, on either store.
import { derivedId } from '../../platform/ids'

export function leadId(integrationKeyId: string, externalId: string): string {
  return derivedId(`lead:${integrationKeyId}:${externalId}`)
}
