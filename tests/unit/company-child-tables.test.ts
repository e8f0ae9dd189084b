// Deleting or merging a company walks COMPANY_CHILD_TABLES: a synced table that hangs off a company and is missing
// there would keep rows on a deleted company (a review found the tasks and appointments of a merged customer gone
// from the work list). Every company-scoped table is in the list, except the erasure log, which is a fact and stays.
import { describe, expect, it } from 'vitest'
import { COMPANY_CHILD_TABLES } from '../../electron/main/modules/customers/company.service'
import { SYNC_TABLE_RULES } from '../../shared/modules/sync/tables'

describe('the tables a company takes along', () => {
  it('are every table whose rows hang off a company', () => {
    const companyScoped = Object.entries(SYNC_TABLE_RULES).filter(([, rule]) => rule.scope.kind === 'company').map(([table]) => table)
    expect([...COMPANY_CHILD_TABLES, 'erasures'].sort()).toEqual(companyScoped.sort())
  })
})
