// Texts of the conversation confirmation (Gesprächsbestätigung, electron/main/modules/offers/conversation-letter.ts):
// thanks for the conversation, what was discussed (the noted points as prose lists), the agreed next steps
// with their dates, and the closing line. {list} is a field's points joined as prose ("A, B und C"); {count} how many.
import type { Texts } from '../../platform/texts'

export const CONVERSATION_LETTER_TEXTS = {
  'letter.conversation.subject': { de: 'Gesprächsbestätigung – unser Gespräch vom {date}', en: 'Confirmation of our conversation on {date}' },
  'letter.conversation.heldAt': { de: 'Gespräch vom', en: 'Conversation on' },
  'letter.conversation.thanks': {
    de: 'vielen Dank für das angenehme Gespräch am {date}. Gern bestätige ich Ihnen, was wir besprochen und vereinbart haben.',
    en: 'thank you for the pleasant conversation on {date}. I am glad to confirm what we discussed and agreed.',
  },
  'letter.conversation.discussed': { de: 'Was wir besprochen haben', en: 'What we discussed' },
  'letter.conversation.situation': { de: 'Zu Ihrer Ausgangslage: {list}.', en: 'Your current situation: {list}.' },
  'letter.conversation.needs': { de: 'Sie haben uns geschildert, worauf es Ihnen ankommt: {list}.', en: 'You explained to us what matters most to you: {list}.' },
  'letter.conversation.goals': {
    de: '{count, plural, one {Ihr Ziel dabei: {list}.} other {Ihre Ziele dabei: {list}.}}',
    en: '{count, plural, one {Your goal: {list}.} other {Your goals: {list}.}}',
  },
  'letter.conversation.worries': {
    de: '{count, plural, one {Offen angesprochen haben Sie auch Ihre Sorge: {list}. Wir nehmen sie ernst.} other {Offen angesprochen haben Sie auch Ihre Sorgen: {list}. Wir nehmen sie ernst.}}',
    en: '{count, plural, one {You were also open about your concern: {list}. We take it seriously.} other {You were also open about your concerns: {list}. We take them seriously.}}',
  },
  'letter.conversation.nextSteps': { de: 'Die nächsten Schritte', en: 'The next steps' },
  'letter.conversation.stepsIntro': { de: 'Wie vereinbart, kümmern wir uns um Folgendes:', en: 'As agreed, we will take care of the following:' },
  'letter.conversation.step': { de: '{title} – bis {date}', en: '{title} – by {date}' },
  'letter.conversation.notedStepsIntro': { de: 'Vereinbart haben wir:', en: 'We agreed on the following:' },
  'letter.conversation.closing': {
    de: 'Sollte ich etwas anders verstanden haben, geben Sie mir bitte kurz Bescheid.',
    en: 'If I have misunderstood anything, please let me know.',
  },
  'letter.conversation.closingLine': { de: 'Ich freue mich auf die weitere Zusammenarbeit.', en: 'I look forward to working with you.' },
} as const satisfies Texts
