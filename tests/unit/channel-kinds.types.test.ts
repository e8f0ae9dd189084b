// Reads and changes are told apart by the compiler (shared/ipc/channel-kinds.ts): a change sent past
// useAction, the guard against double submission, does not compile; a new channel counts as a change
// unless it is named as a read.
import { describe, expectTypeOf, it } from 'vitest'
import type { ChangeChannel, ReadChannel } from '../../shared/ipc/channel-kinds'
import { CHANNELS } from '../../shared/ipc/channels'

describe('read and change channels', () => {
  it('lists and gets are reads, saves and actions are changes', () => {
    expectTypeOf<'companies.list'>().toExtend<ReadChannel>()
    expectTypeOf<'offers.get'>().toExtend<ReadChannel>()
    expectTypeOf<'reports.orderRate'>().toExtend<ReadChannel>()
    expectTypeOf<'companies.create'>().toExtend<ChangeChannel>()
    expectTypeOf<'offers.win'>().toExtend<ChangeChannel>()
    expectTypeOf<'cases.transition'>().toExtend<ChangeChannel>()
    expectTypeOf<'offers.document'>().toExtend<ChangeChannel>()
    expectTypeOf<'companies.create'>().not.toExtend<ReadChannel>()
  })

  it('every channel is one or the other', () => {
    expectTypeOf<(typeof CHANNELS)[number]>().toEqualTypeOf<ReadChannel | ChangeChannel>()
  })
})
