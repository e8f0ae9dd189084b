// What the use-phase forms started from a customer page share: the customer and its contacts.
import { useSearchParams } from 'react-router-dom'
import { useData } from '../../lib/use-data'

export function useCompanyContext() {
  const [params] = useSearchParams()
  const companyId = params.get('companyId') ?? ''
  const company = useData('companies.get', companyId ? { id: companyId } : null)
  const contacts = useData('contacts.list', companyId ? { companyId, limit: 500 } : null)
  const contactOptions = (contacts.data?.rows ?? []).map((c) => ({ value: c.id, label: `${c.firstName} ${c.lastName}`.trim() }))
  return { params, companyId, company, contactOptions }
}
