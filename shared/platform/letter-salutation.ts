// How a letter (DOCX or PDF) and an e-mail address their reader: the salutation line and the addressee
// line of the address field, in the reader's language. Pure: the texts are `letter.common.*`
// (shared/platform/letter.texts.ts), rendered with `translate`.
import { translate } from '../i18n'
import type { LetterParties } from './letter.types'

type Addressed = Pick<LetterParties, 'recipient' | 'language'>

/**
 * "Sehr geehrte Frau Dr. Berger," / "Sehr geehrter Herr Weiß," / "Dear Dr Berger,"; a contact addressed
 * without Frau or Herr by their full name ("Guten Tag Kim Wagner," / "Dear Kim Wagner,"); "Sehr
 * geehrte Damen und Herren," / "Dear Sir or Madam," without a last name.
 */
export function salutationLine(input: Addressed): string {
  const r = input.recipient
  const title = r.title.trim()
  const lastName = r.lastName.trim()
  // English drops the abbreviation's dot ("Dr Berger") and addresses a professor as such.
  const shortTitle = title.replace(/\.$/, '').replace(/^Prof\. ?Dr$/, 'Professor')
  const name = input.language === 'de'
    ? [title, r.firstName.trim(), lastName]
    : title ? [shortTitle, lastName] : [r.firstName.trim(), lastName]
  return translate(input.language, 'letter.common.salutation', {
    salutation: lastName ? r.salutation : 'anonymous',
    hasTitle: title ? 'yes' : 'no',
    title,
    shortTitle,
    lastName,
    name: name.filter(Boolean).join(' '),
  })
}

/** The addressee line of the address field: "Frau Dr. Anna Berger" / "Herrn Jörg Weiß"; '' without a name. */
export function addresseeLine(input: Addressed): string {
  const r = input.recipient
  const name = [r.title, r.firstName, r.lastName].filter(Boolean).join(' ')
  if (!name) return ''
  return translate(input.language, 'letter.common.addressee', { salutation: r.salutation, name })
}
