// The conversation confirmation (Gesprächsbestätigung) as DOCX or PDF, made from the conversation as it is
// now and dated today: saved in the documents folder next to the database under a safe name, or made in
// memory as PDF for the mail module to attach. Addressed to the participant who decides (addresseeOf) and
// signed by whoever recorded the conversation (else the current user).
import { todayOf, type ServiceContext } from '../../platform/context'
import { letterParties, makeLetter, renderLetter, saveLetter, type LetterFormat, type LetterName } from '../../platform/documents/letters'
import { getConversation } from './conversation.service'
import { addresseeOf, conversationLetterModel, type ConversationLetterInput } from './conversation-letter'
import { openPromisesOf } from './promise.service'

/** What the confirmation says, and the name its file gets. */
async function confirmationLetter(ctx: ServiceContext, id: string): Promise<{ letter: ConversationLetterInput; name: LetterName }> {
  const conversation = await getConversation(ctx, id)
  const participants = await ctx.db.selectFrom('conversation_participants as p').innerJoin('contacts as k', 'k.id', 'p.contact_id')
    .select(['p.contact_id', 'p.buying_role', 'p.influence', 'k.first_name', 'k.last_name'])
    .where('p.conversation_id', '=', id).where('p.deleted_at', 'is', null).where('k.deleted_at', 'is', null).execute()
  const contactId = addresseeOf(participants.map((p) => ({ contactId: p.contact_id, name: `${p.last_name} ${p.first_name}`, buyingRole: p.buying_role, influence: p.influence })))
  const author = await ctx.db.selectFrom('conversations as v').innerJoin('users as u', 'u.id', 'v.created_by').select('u.id').where('v.id', '=', id).executeTakeFirst()
  const parties = await letterParties(ctx, conversation.companyId, contactId, author?.id ?? ctx.userId)
  const steps = (await openPromisesOf(ctx, id)).map((p) => ({ title: p.title, dueDate: p.dueDate }))
  const letter: ConversationLetterInput = {
    language: parties.language, seller: parties.seller, recipient: parties.recipient, rep: parties.rep, customerNumber: parties.customerNumber,
    date: todayOf(ctx), heldAt: conversation.heldAt, steps,
    notes: { situation: conversation.situation, needs: conversation.needs, goals: conversation.goals, worries: conversation.worries, nextSteps: conversation.nextSteps },
  }
  return { letter, name: { kind: 'Gespraechsbestaetigung', number: conversation.heldAt, qualifiers: [conversation.companyName], recordId: conversation.id } }
}

/** The confirmation as PDF (default) or DOCX, saved in `documentsDir`. */
export async function conversationDocument(ctx: ServiceContext, input: { id: string; format?: LetterFormat }, documentsDir: string) {
  const { letter, name } = await confirmationLetter(ctx, input.id)
  return saveLetter(ctx, (logo) => conversationLetterModel(letter, logo), input.format ?? 'pdf', name, documentsDir)
}

/** The confirmation as PDF, in memory, for the mail module to attach; nothing is written to disk. */
export async function conversationPdf(ctx: ServiceContext, input: { id: string }): Promise<{ fileName: string; buffer: Buffer }> {
  const { letter, name } = await confirmationLetter(ctx, input.id)
  const { fileName, buffer } = await makeLetter(ctx, (logo) => conversationLetterModel(letter, logo), 'pdf', name)
  return { fileName, buffer }
}

/** The confirmation as PDF or DOCX, without the device (tests). */
export const conversationLetter = (letter: ConversationLetterInput, format: LetterFormat, logo: Buffer | null = null) => renderLetter(conversationLetterModel(letter, logo), format)
