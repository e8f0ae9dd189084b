// The few pages web mode answers itself, before the app: German first, English below (the app's
// language setting is not known to a tab that is not signed in). Static text, no scripts, no styles.
export type SignInPage = 'signed_out' | 'code_used' | 'bad_request'

const TEXTS: Record<SignInPage, { de: [string, string]; en: [string, string] }> = {
  signed_out: {
    de: ['Nicht angemeldet', 'Dieser Browser ist bei Kundenreise nicht angemeldet. Öffnen Sie den Link, den Kundenreise beim Start im Terminal ausgegeben hat. Jeder Link gilt nur einmal; für einen neuen Link beenden Sie Kundenreise (Strg+C) und starten es neu (npm start).'],
    en: ['Not signed in', 'This browser is not signed in to Kundenreise. Open the link Kundenreise printed in the terminal when it started. Each link works only once; for a new one, stop Kundenreise (Ctrl+C) and start it again (npm start).'],
  },
  code_used: {
    de: ['Link bereits benutzt', 'Dieser Link wurde bereits benutzt oder ist ungültig: Jeder Anmeldelink gilt nur einmal. Für einen neuen Link beenden Sie Kundenreise (Strg+C) und starten es neu (npm start).'],
    en: ['Link already used', 'This link has already been used or is not valid: each sign-in link works only once. For a new one, stop Kundenreise (Ctrl+C) and start it again (npm start).'],
  },
  bad_request: {
    de: ['Ungültige Adresse', 'Diese Adresse kann Kundenreise nicht lesen.'],
    en: ['Invalid address', 'Kundenreise cannot read this address.'],
  },
}

export function signInPage(page: SignInPage): string {
  const { de, en } = TEXTS[page]
  return [
    '<!doctype html>',
    '<html lang="de">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Kundenreise – ${de[0]}</title></head>`,
    '<body>',
    `<main><h1>${de[0]}</h1><p>${de[1]}</p>`,
    `<section lang="en"><h2>${en[0]}</h2><p>${en[1]}</p></section></main>`,
    '</body></html>',
  ].join('\n')
}
