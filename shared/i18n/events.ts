// Texts of events the app records on timelines (touchpoints and case events): the data holds a message
// key and its parameters, never a sentence; these texts render them in the reader's language.
// Filled by the event-messages work; composed into the catalogues by shared/i18n/index.ts.
export const EVENT_TEXTS_DE = {} as const satisfies Record<string, string>
export const EVENT_TEXTS_EN: Record<keyof typeof EVENT_TEXTS_DE, string> = {}
