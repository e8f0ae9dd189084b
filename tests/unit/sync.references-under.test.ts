// A reference of an organisation-wide row into a customer's records (REFERENCES, `underColumn`): the target must
// exist, be visible and hang off the company the row's other column names; checked again when that column changes.
import { describe, expect, it } from 'vitest'
import { checkReferences, type TargetRow } from '../../server/sync/validate'

const ORG = 'org'
const rows: Record<string, TargetRow> = {
  'companies:nord': { scope_id: 'team:nord', parent_id: null, deleted: 0 },
  'companies:nord2': { scope_id: 'team:nord', parent_id: null, deleted: 0 },
  'companies:sued': { scope_id: 'team:sued', parent_id: null, deleted: 0 },
  'contacts:nils': { scope_id: 'team:nord', parent_id: 'nord', deleted: 0 },
  'contacts:gone': { scope_id: 'team:nord', parent_id: 'nord', deleted: 1 },
  'users:anna': { scope_id: ORG, parent_id: null, deleted: 0 },
}
const ctx = { load: async (table: string, id: string) => rows[`${table}:${id}`] ?? null, canSee: (scope: string) => scope !== 'team:sued' }
const check = (row: Record<string, string | null>, changed = Object.keys(row)) => checkReferences(ctx, 'leads', row, changed, ORG)

describe('references of a lead', () => {
  it('accepts a visible company, its own contact and a user of the directory', async () => {
    await expect(check({ converted_company_id: 'nord', contact_id: 'nils', assigned_to: 'anna' })).resolves.toBeUndefined()
    await expect(check({ converted_company_id: null, contact_id: null, assigned_to: null })).resolves.toBeUndefined()
  })
  it('refuses a company that does not exist or is not visible', async () => {
    await expect(check({ converted_company_id: 'ghost' })).rejects.toThrow('unknown_reference: converted_company_id')
    await expect(check({ converted_company_id: 'sued' })).rejects.toThrow('unknown_reference: converted_company_id')
  })
  it('refuses a contact outside the converted company, without one, or deleted', async () => {
    await expect(check({ converted_company_id: 'sued', contact_id: 'nils' }, ['contact_id'])).rejects.toThrow('unknown_reference: contact_id')
    await expect(check({ converted_company_id: null, contact_id: 'nils' })).rejects.toThrow('unknown_reference: contact_id')
    await expect(check({ converted_company_id: 'nord', contact_id: 'gone' })).rejects.toThrow('unknown_reference: contact_id')
  })
  it('checks the contact again when only the company changes', async () => {
    await expect(check({ converted_company_id: 'nord2', contact_id: 'nils' }, ['converted_company_id'])).rejects.toThrow('unknown_reference: contact_id')
    // Unchanged columns are not checked again (an old reference stays valid once accepted).
    await expect(check({ converted_company_id: 'other', contact_id: 'nils', assigned_to: 'ghost' }, ['status'])).resolves.toBeUndefined()
  })
  it('refuses an assignee that is no user', async () => {
    await expect(check({ assigned_to: 'nils' })).rejects.toThrow('unknown_reference: assigned_to')
  })
})
