// Types for the talisman function the duplicate rules use (talisman ships CommonJS without types).
declare module 'talisman/phonetics/german/cologne.js' {
  /** Kölner Phonetik code of a name, e.g. "Müller-Lüdenscheidt" → "65752682". */
  const cologne: (name: string) => string
  export default cologne
}
