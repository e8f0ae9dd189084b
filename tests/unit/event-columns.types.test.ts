// The compiler checks what a service records on a timeline: the event key must exist and its parameters,
// read from the event's German and English texts, must all be given.
import { describe, expect, it } from 'vitest'
import { eventColumns } from '../../shared/platform/event-message'
import '../../shared/modules/offers'
import '../../shared/modules/contracts'
import '../../shared/modules/service'

describe('eventColumns', () => {
  it('stores the key and the parameters as JSON', () => {
    expect(eventColumns('contract.renewed', { number: 'V-1', end: '2027-12-31', offer: 'A-2' })).toEqual({
      message_key: 'contract.renewed', message_params: '{"number":"V-1","end":"2027-12-31","offer":"A-2"}',
    })
    expect(eventColumns('case.created')).toEqual({ message_key: 'case.created', message_params: '{}' })
  })

  it('refuses an unknown key and missing or misspelt parameters at compile time', () => {
    // @ts-expect-error -- no such event
    expect(() => eventColumns('contract.sigend', { number: 'V-1' })).not.toThrow()
    // @ts-expect-error -- `end` and `offer` are missing
    expect(() => eventColumns('contract.renewed', { number: 'V-1' })).not.toThrow()
    // @ts-expect-error -- `numbr` is not a parameter of this text
    expect(() => eventColumns('offer.sent', { numbr: 'A-1' })).not.toThrow()
  })
})
