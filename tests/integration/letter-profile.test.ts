// The user's own details and the company's legal details on a real database (issue 13 item 4): an
// offer is not sent while they are missing, and once they are typed the letter is signed with them.
import { afterEach, describe, expect, it } from 'vitest'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { createContact } from '../../electron/main/modules/customers/contact.service'
import { createOffer, getOffer, sendOffer } from '../../electron/main/modules/offers/offer.service'
import { buildLetterInput } from '../../electron/main/modules/offers/offer-letter-input'
import { getProfile } from '../../electron/main/modules/settings/profile.service'
import { listUsers } from '../../electron/main/modules/settings/settings.service'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { contactFieldsSchema } from '../../shared/modules/customers/contact.schema'
import { offerFieldsSchema } from '../../shared/modules/offers/offer.schema'
import { AppError } from '../../shared/platform/result'
import { COMPLETE_LETTER_PROFILE, completeLetterProfile } from '../helpers/letter-profile'
import { openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
afterEach(async () => t.cleanup())

/** A draft offer to Frau Dr. Berger; `ownerId` hands it to a colleague (an offer is made by the current user). */
async function draftOffer(ownerId = '') {
  const company = await createCompany(t.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '' })))
  const contact = await createContact(t.ctx, contactFieldsSchema.parse({ companyId: company.id, salutation: 'ms', title: 'Dr.', firstName: 'Anna', lastName: 'Berger', language: 'de', buyingRole: 'purchaser' }))
  const offer = await createOffer(t.ctx, offerFieldsSchema.parse({
    companyId: company.id, contactId: contact.id, offerDate: '2026-11-20', validUntil: '2026-12-20', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0,
    items: [{ name: 'Prüfstand PS-200', quantity: 1, unit: 'Stück', unitPriceCents: 149_999, discountPercent: 0, vatRate: 19, optional: false }],
  }))
  if (!ownerId) return offer
  await t.ctx.db.updateTable('offers').set({ owner_id: ownerId }).where('id', '=', offer.id).execute()
  return getOffer(t.ctx, offer.id)
}

const sendError = (id: string) => sendOffer(t.ctx, id).then(() => null, (e: unknown) => e)

describe('sending an offer needs the letter\'s details', () => {
  it('is refused on a first start, with nothing written, and goes out once the profile is complete', async () => {
    t = await openTestDb({ fresh: true })
    const offer = await draftOffer()
    const error = await sendError(offer.id)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'conflict', message: 'errors.letterDetailsMissing' })
    expect((await getOffer(t.ctx, offer.id)).status).toBe('draft')
    expect(await t.ctx.db.selectFrom('offer_revisions').selectAll().execute()).toEqual([])
    // Through the channel, as the offer page meets it.
    expect(await dispatch(t.app, 'offers.send', { id: offer.id })).toEqual({ ok: false, error: { code: 'conflict', message: 'errors.letterDetailsMissing' } })

    await completeLetterProfile(t.ctx)
    expect((await sendOffer(t.ctx, offer.id)).status).toBe('sent')
  })

  it('is refused while one legal detail or the signer\'s name is missing', async () => {
    t = await openTestDb({ fresh: true })
    const offer = await draftOffer()
    // Without a name typed, the local user's placeholder is no signature.
    await completeLetterProfile(t.ctx, { repName: '' })
    expect((await getProfile(t.ctx)).repName).toBe('')
    expect(await sendError(offer.id)).toMatchObject({ message: 'errors.letterDetailsMissing' })
    for (const gap of ['registerNumber', 'vatId', 'managingDirectors', 'iban', 'street'] as const) {
      await completeLetterProfile(t.ctx, { [gap]: '' })
      expect(await sendError(offer.id), gap).toMatchObject({ message: 'errors.letterDetailsMissing' })
    }
    expect((await getOffer(t.ctx, offer.id)).status).toBe('draft')
  })
})

describe('the signer', () => {
  it('is the user with the details typed here: name, title, e-mail, extension joined to the main number, mobile', async () => {
    t = await openTestDb({ fresh: true })
    const offer = await draftOffer()
    const before = await buildLetterInput(t.ctx, offer)
    expect(before.rep.name).toBe('') // never "Lokaler Benutzer"
    await completeLetterProfile(t.ctx, { phone: '+49 511 987650-0', repPhone: '12', repMobile: '+49 171 2345678' })
    const letter = await buildLetterInput(t.ctx, await getOffer(t.ctx, offer.id))
    expect(letter.rep).toEqual({ name: 'Jan Petersen', jobTitle: 'Vertrieb Norddeutschland', phone: '+49 511 987650-12', mobile: '+49 171 2345678', email: 'j.petersen@nordlicht.example' })
    // Without a sync server the typed name is the user's own: lists and timelines show it too.
    expect((await listUsers(t.ctx)).map((u) => [u.displayName, u.email])).toEqual([['Jan Petersen', 'j.petersen@nordlicht.example']])
    expect(t.ctx.userName).toBe('Jan Petersen')
  })

  it('without an extension the main number; a colleague\'s offer is signed with the colleague\'s name, not this user\'s title or line', async () => {
    t = await openTestDb()
    await completeLetterProfile(t.ctx, { repPhone: '' })
    expect((await buildLetterInput(t.ctx, await draftOffer())).rep.phone).toBe(COMPLETE_LETTER_PROFILE.phone)
    await t.ctx.db.insertInto('users').values({ id: 'colleague', display_name: 'Petra Sommer', email: 'p.sommer@nordlicht.example', role: 'field_sales', team_id: '', server_version: null, deleted_at: null }).execute()
    const theirs = await draftOffer('colleague')
    expect((await buildLetterInput(t.ctx, theirs)).rep).toEqual({ name: 'Petra Sommer', jobTitle: '', phone: COMPLETE_LETTER_PROFILE.phone, email: 'p.sommer@nordlicht.example' })
  })

  it('a user a sync server named keeps the server\'s name in the users table; the letter signs with the typed one', async () => {
    t = await openTestDb({ fresh: true })
    await t.ctx.db.updateTable('users').set({ display_name: 'J. Petersen (Server)' }).where('id', '=', t.ctx.userId).execute()
    await t.ctx.db.insertInto('sync_state').values({ key: 'user', value: JSON.stringify({ id: t.ctx.userId, displayName: 'J. Petersen (Server)' }) }).execute()
    expect((await getProfile(t.ctx)).repName).toBe('J. Petersen (Server)')
    await completeLetterProfile(t.ctx)
    expect((await listUsers(t.ctx))[0]!.displayName).toBe('J. Petersen (Server)')
    expect((await buildLetterInput(t.ctx, await draftOffer())).rep.name).toBe('Jan Petersen')
  })

  it('after a colleague is chosen as "who is working": their server row is never renamed, and their letters are not signed with the previous user\'s details', async () => {
    t = await openTestDb()
    await completeLetterProfile(t.ctx) // Jan Petersen's details, saved as his
    // A colleague the sync server sent is chosen on this laptop.
    await t.ctx.db.insertInto('users').values({ id: 'bernd', display_name: 'Bernd Kaiser', email: 'b.kaiser@nordlicht.example', role: 'inside_sales', team_id: 't', server_version: 7, deleted_at: null }).execute()
    t.ctx.userId = 'bernd'
    t.ctx.userName = 'Bernd Kaiser'
    const letter = await buildLetterInput(t.ctx, await draftOffer())
    expect(letter.rep).toEqual({ name: 'Bernd Kaiser', jobTitle: '', phone: COMPLETE_LETTER_PROFILE.phone, email: 'b.kaiser@nordlicht.example' })
    // The profile shows Bernd his own (empty) signature details, and saving them never renames his row.
    expect((await getProfile(t.ctx)).repJobTitle).toBe('')
    await completeLetterProfile(t.ctx, { repName: 'Jan Petersen' })
    expect((await t.ctx.db.selectFrom('users').select('display_name').where('id', '=', 'bernd').executeTakeFirstOrThrow()).display_name).toBe('Bernd Kaiser')
  })
})
