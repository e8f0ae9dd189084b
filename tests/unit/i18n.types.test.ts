// Keys and parameters are checked by the compiler: this file is part of `npm run typecheck`
// (tsconfig.node.json includes tests/), and each `@ts-expect-error` fails the typecheck as soon as the
// line below it compiles — a typo in a key, a missing or misspelt parameter, a pre-formatted number
// where the text chooses a plural form. The renderer's `t` has the type `Translate` (renderer/src/lib/i18n.tsx).
import { describe, expect, it } from 'vitest'
import { translate, translateEnum, type Translate } from '../../shared/i18n'
import type { CompanyStatus } from '../../shared/modules/customers'

const t: Translate = (key, ...params) => translate('de', key, ...params)

/** Never called: only compiled. */
function typeChecks(status: CompanyStatus, anyText: string) {
  t('company.name')
  // @ts-expect-error a typo in a key
  t('company.nmae')
  // @ts-expect-error a key from data needs translateFromData
  t(anyText)
  t(`enum.status.${status}`)
  // @ts-expect-error no such list
  t(`enum.statuss.${status}`)
  translateEnum('de', 'status', status)
  // @ts-expect-error not a value of the list
  translateEnum('de', 'status', 'lead')
  t('common.confirmDelete', { name: 'Brunsviga' })
  // @ts-expect-error a misspelt parameter
  t('common.confirmDelete', { nmae: 'Brunsviga' })
  // @ts-expect-error a text with a parameter needs it
  t('common.confirmDelete')
  // @ts-expect-error a text without parameters takes none
  t('company.name', { name: 'x' })
  t('common.results', { count: 1234 })
  // @ts-expect-error the plural form is chosen from a number, not from a formatted "1.234"
  t('common.results', { count: '1.234' })
  translate('en', 'letter.offer.payment', { netDays: 30, withSkonto: 'yes', skonto: '2', skontoDays: 10 })
  // @ts-expect-error a plural nested in a select branch is found too
  translate('en', 'letter.offer.payment', { netDays: 30, withSkonto: 'yes', skonto: '2', skontoDays: '10' })
}

describe('typed keys', () => {
  it('is checked by the typecheck (this file is in tsconfig.node.json)', () => {
    expect(typeof typeChecks).toBe('function')
    expect(t('company.name')).toBe('Firmenname')
  })
})
