// Texts of promises to customers and the conversation confirmation (issue 15). Keys are stable; add a text with both languages.
// The work list's and the timeline's messages of a promise are events (promise.events.ts).
import type { Texts } from '../../platform/texts'

export const PROMISE_TEXTS = {
  'promise.title': { de: 'Zusagen', en: 'Promises' },
  'promise.intro': {
    de: 'Was Sie dem Kunden als nächsten Schritt zugesagt haben: bis zur Erledigung auf der Arbeitsliste.',
    en: 'What you promised the customer as a next step: on the work list until it is done.',
  },
  'promise.empty': { de: 'Noch keine Zusagen zu diesem Gespräch.', en: 'No promises for this conversation yet.' },
  'promise.add': { de: 'Zusage hinzufügen', en: 'Add promise' },
  'promise.new': { de: 'Neue Zusage', en: 'New promise' },
  'promise.edit': { de: 'Ändern', en: 'Change' },
  'promise.editOf': { de: 'Zusage „{title}“ ändern', en: 'Change promise “{title}”' },
  'promise.field.title': { de: 'Was wurde zugesagt?', en: 'What was promised?' },
  'promise.field.titleHint': { de: 'z. B. „Referenzliste schicken“', en: 'e.g. “Send the list of references”' },
  'promise.field.dueDate': { de: 'Zugesagt bis', en: 'Due' },
  'promise.field.contact': { de: 'Ansprechpartner', en: 'Contact' },
  'promise.changedOn': { de: 'geändert am {date}', en: 'changed on {date}' },
  'promise.doneOn': { de: 'erledigt am {date}', en: 'done on {date}' },
  'promise.status': { de: 'Status', en: 'Status' },
  'promise.status.open': { de: 'Offen', en: 'Open' },
  'promise.status.kept': { de: 'Eingehalten', en: 'Kept' },
  'promise.status.cancelled': { de: 'Zurückgezogen', en: 'Withdrawn' },
  'promise.complete': { de: 'Erledigt', en: 'Done' },
  'promise.completeOf': { de: 'Zusage „{title}“ erledigt', en: 'Promise “{title}” done' },
  'promise.cancel': { de: 'Zurückziehen', en: 'Withdraw' },
  'promise.cancelOf': { de: 'Zusage „{title}“ zurückziehen', en: 'Withdraw promise “{title}”' },
  'promise.confirmCancel': {
    de: 'Zusage „{title}“ wirklich zurückziehen? Der Kunde sollte davon erfahren.',
    en: 'Really withdraw the promise “{title}”? The customer should hear of it.',
  },
  'promise.list': { de: 'Zusagen zu diesem Gespräch', en: 'Promises of this conversation' },
  'promise.changedNotice': { de: 'Die Zusage „{title}“ hat sich geändert.', en: 'The promise “{title}” has changed.' },
  'promise.informCustomer': { de: 'Kunde informieren', en: 'Inform the customer' },
  'promise.later': { de: 'Später', en: 'Later' },
  'promise.confirmation': { de: 'Gesprächsbestätigung', en: 'Conversation confirmation' },
  'promise.confirmationIntro': {
    de: 'Bestätigen Sie dem Kunden schriftlich, was besprochen wurde und welche nächsten Schritte Sie vereinbart haben.',
    en: 'Confirm to the customer in writing what was discussed and which next steps you agreed.',
  },
  'promise.confirmationPdf': { de: 'Gesprächsbestätigung (PDF)', en: 'Conversation confirmation (PDF)' },
  'promise.confirmationDocx': { de: 'Als Word-Datei (DOCX)', en: 'As Word file (DOCX)' },
  'promise.confirmationReady': { de: '{file} wurde erstellt.', en: '{file} was created.' },
  'promise.sendByMail': { de: 'Per E-Mail senden', en: 'Send by e-mail' },
  'errors.promiseNotOpen': { de: 'Diese Zusage ist bereits erledigt oder zurückgezogen.', en: 'This promise is already done or withdrawn.' },
  'errors.promiseDuePast': { de: 'Bitte ein Datum ab heute wählen.', en: 'Please choose today or a later date.' },
  'errors.promiseOwnerUnknown': { de: 'Diesen Benutzer gibt es nicht.', en: 'This user does not exist.' },
  'errors.promiseCompanyFixed': { de: 'Eine Zusage bleibt bei ihrer Firma.', en: 'A promise stays with its company.' },
  'errors.promiseConversationFixed': { de: 'Eine Zusage bleibt bei ihrem Gespräch.', en: 'A promise stays with its conversation.' },
} as const satisfies Texts

// The conversation confirmation's letter texts travel through the module's entry with these.
export { CONVERSATION_LETTER_TEXTS } from './conversation-letter.texts'
