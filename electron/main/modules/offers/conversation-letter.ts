// The conversation confirmation (Gesprächsbestätigung) as a letter model (platform/documents/letter-model.ts),
// which the DOCX and PDF renderers write alike: thanks for the conversation on its date, what was discussed
// (situation, needs, goals, worries — each field's noted points as a list in prose, as the offer letter does),
// the agreed next steps with their dates (the conversation's open promises; the free-text next steps when
// there are none), and the closing; the frame greets "Mit freundlichen Grüßen nach <Ort>" from the
// recipient's city. English for English-speaking contacts. Texts: `letter.conversation.*`.
import { translate } from '../../../../shared/i18n'
import type { BuyingRole, InfluenceLevel } from '../../../../shared/modules/customers'
import { joinPoints, notePoints } from '../../../../shared/modules/offers/offer-letter.rules'
import { formats, paragraph, type LetterBlock, type LetterFormats, type LetterFrame, type LetterModel } from '../../platform/documents/letter-model'

/** What the confirmation says: the parties and the date of the letter, the conversation's notes and the agreed steps. */
export interface ConversationLetterInput extends Pick<LetterFrame, 'language' | 'seller' | 'recipient' | 'rep'> {
  customerNumber: string
  /** The letter's date (ISO day). */
  date: string
  heldAt: string
  notes: { situation: string; needs: string; goals: string; worries: string; nextSteps: string }
  /** The open promises of the conversation, by due date. */
  steps: Array<{ title: string; dueDate: string }>
}

export interface ConversationParticipant {
  contactId: string
  name: string
  buyingRole: BuyingRole | ''
  influence: InfluenceLevel | ''
}

const INFLUENCE_RANK: Record<InfluenceLevel | '', number> = { high: 0, medium: 1, low: 2, '': 3 }

/**
 * Whom the confirmation is addressed to: the participant who decides (buying role decision maker), else the
 * one with the most influence, by name among equals; '' without participants (the letter greets the company).
 */
export function addresseeOf(participants: readonly ConversationParticipant[]): string {
  const ranked = [...participants].sort((a, b) =>
    Number(b.buyingRole === 'decision_maker') - Number(a.buyingRole === 'decision_maker') || INFLUENCE_RANK[a.influence] - INFLUENCE_RANK[b.influence] || a.name.localeCompare(b.name, 'de'))
  return ranked[0]?.contactId ?? ''
}

type NoteKey = 'letter.conversation.situation' | 'letter.conversation.needs' | 'letter.conversation.goals' | 'letter.conversation.worries'

/** What was discussed: one sentence per field that has points, under its heading; nothing when all are empty. */
function discussed(input: ConversationLetterInput): LetterBlock[] {
  const lang = input.language
  const sentence = (note: string, key: NoteKey) => {
    const points = notePoints(note)
    return points.length ? translate(lang, key, { list: joinPoints(points, lang), count: points.length }) : null
  }
  const sentences = [
    sentence(input.notes.situation, 'letter.conversation.situation'), sentence(input.notes.needs, 'letter.conversation.needs'),
    sentence(input.notes.goals, 'letter.conversation.goals'), sentence(input.notes.worries, 'letter.conversation.worries'),
  ].filter((s) => s !== null)
  if (sentences.length === 0) return []
  return [{ kind: 'heading', text: translate(lang, 'letter.conversation.discussed') }, ...sentences.map((s) => paragraph(s))]
}

/** The agreed next steps: each promise with its date, or the noted next steps when no promise was recorded. */
function nextSteps(input: ConversationLetterInput, f: LetterFormats): LetterBlock[] {
  const lang = input.language
  const noted = notePoints(input.notes.nextSteps)
  if (input.steps.length === 0 && noted.length === 0) return []
  const heading: LetterBlock = { kind: 'heading', text: translate(lang, 'letter.conversation.nextSteps') }
  if (input.steps.length === 0) {
    return [heading, paragraph(translate(lang, 'letter.conversation.notedStepsIntro')), ...noted.map((text): LetterBlock => ({ kind: 'bullet', text }))]
  }
  return [
    heading, paragraph(translate(lang, 'letter.conversation.stepsIntro')),
    ...input.steps.map((s): LetterBlock => ({ kind: 'bullet', text: translate(lang, 'letter.conversation.step', { title: s.title, date: f.date(s.dueDate) }) })),
  ]
}

/** The confirmation's model; `logo` comes from the device's profile at render time. */
export function conversationLetterModel(input: ConversationLetterInput, logo: Buffer | null = null): LetterModel {
  const lang = input.language
  const f = formats(lang)
  const heldAt = f.date(input.heldAt)
  const body: LetterBlock[] = [
    paragraph(translate(lang, 'letter.conversation.thanks', { date: heldAt })),
    ...discussed(input),
    ...nextSteps(input, f),
    paragraph(translate(lang, 'letter.conversation.closing'), { keepWithClosing: true, spaceBefore: 12 }),
  ]
  return {
    language: lang, seller: input.seller, recipient: input.recipient, rep: input.rep,
    info: [
      [translate(lang, 'letter.common.customerNumber'), input.customerNumber], [translate(lang, 'letter.conversation.heldAt'), heldAt],
      [translate(lang, 'letter.common.date'), f.date(input.date)],
    ],
    subject: translate(lang, 'letter.conversation.subject', { date: heldAt }), body, closingLine: translate(lang, 'letter.conversation.closingLine'),
    date: input.date, logo,
  }
}
