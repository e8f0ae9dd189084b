// The shape of a catalogue of texts: each key with its German and English text side by side, so the
// compiler refuses a text without its translation. Texts are ICU messages (shared/i18n): `{name}`
// placeholders, `{count, plural, one {# Tag} other {# Tage}}`, `{kind, select, a {…} other {…}}`;
// an apostrophe before `{` or `#` escapes it. Each module keeps its texts in `<module>.texts.ts`.
export interface Text {
  readonly de: string
  readonly en: string
}

export type Texts = Readonly<Record<string, Text>>
