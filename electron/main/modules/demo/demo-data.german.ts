// German word lists for demo data: places with their federal state, names, industries, touchpoint notes.
import type { FederalState } from '../../../../shared/modules/customers'

export const PLACES: ReadonlyArray<{ city: string; postalCode: string; state: FederalState }> = [
  { city: 'Braunschweig', postalCode: '38100', state: 'NI' },
  { city: 'Hannover', postalCode: '30159', state: 'NI' },
  { city: 'Osnabrück', postalCode: '49074', state: 'NI' },
  { city: 'Hamburg', postalCode: '20095', state: 'HH' },
  { city: 'Bremen', postalCode: '28195', state: 'HB' },
  { city: 'Berlin', postalCode: '10115', state: 'BE' },
  { city: 'Potsdam', postalCode: '14467', state: 'BB' },
  { city: 'Leipzig', postalCode: '04109', state: 'SN' },
  { city: 'Dresden', postalCode: '01067', state: 'SN' },
  { city: 'Chemnitz', postalCode: '09111', state: 'SN' },
  { city: 'Magdeburg', postalCode: '39104', state: 'ST' },
  { city: 'Erfurt', postalCode: '99084', state: 'TH' },
  { city: 'Jena', postalCode: '07743', state: 'TH' },
  { city: 'Rostock', postalCode: '18055', state: 'MV' },
  { city: 'Kiel', postalCode: '24103', state: 'SH' },
  { city: 'Lübeck', postalCode: '23552', state: 'SH' },
  { city: 'Köln', postalCode: '50667', state: 'NW' },
  { city: 'Düsseldorf', postalCode: '40213', state: 'NW' },
  { city: 'Dortmund', postalCode: '44137', state: 'NW' },
  { city: 'Bielefeld', postalCode: '33602', state: 'NW' },
  { city: 'Münster', postalCode: '48143', state: 'NW' },
  { city: 'Frankfurt am Main', postalCode: '60311', state: 'HE' },
  { city: 'Kassel', postalCode: '34117', state: 'HE' },
  { city: 'Mainz', postalCode: '55116', state: 'RP' },
  { city: 'Kaiserslautern', postalCode: '67655', state: 'RP' },
  { city: 'Saarbrücken', postalCode: '66111', state: 'SL' },
  { city: 'Stuttgart', postalCode: '70173', state: 'BW' },
  { city: 'Karlsruhe', postalCode: '76133', state: 'BW' },
  { city: 'Freiburg im Breisgau', postalCode: '79098', state: 'BW' },
  { city: 'Ulm', postalCode: '89073', state: 'BW' },
  { city: 'München', postalCode: '80331', state: 'BY' },
  { city: 'Nürnberg', postalCode: '90402', state: 'BY' },
  { city: 'Augsburg', postalCode: '86150', state: 'BY' },
  { city: 'Regensburg', postalCode: '93047', state: 'BY' },
  { city: 'Würzburg', postalCode: '97070', state: 'BY' },
]

export const STREETS = ['Hauptstraße', 'Industriestraße', 'Gewerbering', 'Bahnhofstraße', 'Am Hafen', 'Lindenallee', 'Robert-Bosch-Straße', 'Carl-Zeiss-Weg', 'Schillerstraße', 'Mühlenweg', 'Werkstraße', 'Im Technologiepark']

export const NAME_STEMS = ['Nordlicht', 'Weser', 'Elbtal', 'Harz', 'Alpen', 'Rhein', 'Spree', 'Main', 'Eifel', 'Schwarzwald', 'Brunsviga', 'Hanse', 'Ostsee', 'Allgäu', 'Mosel', 'Lausitz', 'Donau', 'Taunus', 'Saale', 'Ruhr', 'Neckar', 'Oder', 'Havel', 'Isar']
export const NAME_TRADES = ['Maschinenbau', 'Präzisionstechnik', 'Logistik', 'Antriebstechnik', 'Kunststofftechnik', 'Metallbau', 'Elektrotechnik', 'Verpackung', 'Medizintechnik', 'Lebensmittel', 'Automation', 'Fördertechnik', 'Haustechnik', 'Laborbedarf', 'Druckerei', 'Baustoffe']
export const LEGAL_FORMS = ['GmbH', 'GmbH & Co. KG', 'AG', 'KG', 'e.K.', 'SE']
export const FAMILY_PREFIX = ['Müller', 'Schulte', 'Becker', 'Hoffmann', 'Krüger', 'Wagner', 'Brandt', 'Vogel', 'Böhm', 'Lange']

export const INDUSTRIES = ['Maschinenbau', 'Automobilzulieferer', 'Lebensmittelindustrie', 'Medizintechnik', 'Logistik', 'Chemie', 'Elektrotechnik', 'Bauwesen', 'Energieversorgung', 'Handel']

export const FIRST_NAMES_F = ['Anna', 'Katrin', 'Sabine', 'Julia', 'Claudia', 'Petra', 'Monika', 'Laura', 'Sandra', 'Birgit', 'Jana', 'Ulrike']
export const FIRST_NAMES_M = ['Thomas', 'Michael', 'Andreas', 'Stefan', 'Jürgen', 'Frank', 'Markus', 'Klaus', 'Tobias', 'Christian', 'Jan', 'Uwe']
export const LAST_NAMES = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Krause', 'Meier', 'Lehmann', 'Berger', 'Köhler']
export const TITLES = ['', '', '', '', '', 'Dr.', '', 'Prof. Dr.', '']

/** Gender-neutral function names, so they fit every generated contact. */
export const JOB_FUNCTIONS: Record<string, string[]> = {
  decision_maker: ['Geschäftsführung', 'Werkleitung', 'Technische Leitung'],
  purchaser: ['Leitung Einkauf', 'Strategischer Einkauf', 'Einkauf'],
  user: ['Schichtleitung Produktion', 'Instandhaltung', 'Anwendungstechnik'],
  controller: ['Controlling', 'Leitung Finanzen'],
  management: ['Vorstand', 'Kaufmännische Geschäftsführung'],
  influencer: ['Qualitätsmanagement', 'IT-Leitung', 'Marketingleitung'],
  gatekeeper: ['Assistenz der Geschäftsführung', 'Sekretariat Einkauf'],
}

export const WORRIES = ['Lange Lieferzeiten', 'Stillstand der Produktion bei der Umstellung', 'Versteckte Folgekosten', 'Schulungsaufwand für das Team', 'Abhängigkeit von einem Lieferanten', 'Erreichbarkeit des Service am Wochenende', '']
export const GOALS = ['Energiekosten um 15 % senken', 'Ausschussquote halbieren', 'Wartung planbar machen', 'Durchlaufzeit verkürzen', 'Lieferantenzahl reduzieren', '']

export const TOUCHPOINT_NOTES: Record<string, string[]> = {
  offer: ['Angebotsanfrage per E-Mail erhalten, Bedarf an neuer Fertigungslinie', 'Vorangebotsgespräch vor Ort: Anforderungen und Budget besprochen', 'Angebot telefonisch nachgefasst, Entscheidung bis Monatsende', 'Rückfragen zum Angebot geklärt, Skonto angefragt'],
  contract: ['Vertragsentwurf abgestimmt, Kündigungsfrist besprochen', 'Auftragsbestätigung versandt', 'Rahmenvertrag unterschrieben zurückerhalten'],
  usage: ['Inbetriebnahme erfolgreich abgeschlossen', 'Nach-Kauf-Betreuung: Zufriedenheit nach 4 Wochen erfragt', 'Schulung der Bediener durchgeführt'],
  support: ['Reklamation wegen Lieferverzug aufgenommen', 'Serviceanfrage: Wartungstermin vereinbart', 'Ersatzteil bestellt, Kunde über neuen Liefertermin informiert'],
  referral: ['Kunde empfiehlt uns an Partnerunternehmen weiter', 'Referenz für die Website freigegeben', 'NPS-Befragung: 9 von 10 Punkten'],
  renewal: ['Verlängerung des Wartungsvertrags angesprochen', 'Kündigungstermin in drei Monaten, Termin zur Verlängerung vereinbart'],
}

export const PERSONAS = [
  { name: 'Der preisbewusste Einkaufsleiter', motto: 'Ich erwarte Top-Qualität zu einem günstigen Preis.', jobFunction: 'Leiter Einkauf', worries: 'Versteckte Kosten, Lieferantenabhängigkeit', whyGoals: 'Kosten senken, verlässliche Lieferanten', languageStyle: 'Sachlich, zahlenorientiert', informationChannels: 'Fachmessen, Vergleichsportale, Kollegen' },
  { name: 'Die technische Entscheiderin', motto: 'Die Lösung muss in unsere Anlage passen.', jobFunction: 'Technische Leiterin', worries: 'Stillstand bei der Umstellung', whyGoals: 'Prozesssicherheit, Automatisierung', languageStyle: 'Fachlich, präzise', informationChannels: 'Fachzeitschriften, Referenzbesuche' },
  { name: 'Der bodenständige Anwender', motto: 'Komplexe Themen einfach erklärt.', jobFunction: 'Schichtleiter Produktion', worries: 'Schulungsaufwand, neue Abläufe', whyGoals: 'Einfache Bedienung, weniger Störungen', languageStyle: 'Bodenständig, klar, direkt', informationChannels: 'Kollegen, Außendienst vor Ort' },
  { name: 'Die Geschäftsführerin im Mittelstand', motto: 'Wir investieren nur, wenn es sich rechnet.', jobFunction: 'Geschäftsführerin', worries: 'Fehlinvestition, Fachkräftemangel', whyGoals: 'Wachstum, Wettbewerbsfähigkeit', languageStyle: 'Strategisch, knapp', informationChannels: 'Netzwerk, Verbände, Empfehlungen' },
] as const

/** What a contract of each type is about. */
export const CONTRACT_TITLES: Record<'supply' | 'service' | 'maintenance' | 'rental' | 'software', string> = {
  supply: 'Rahmenvertrag Verschleißteile',
  service: 'Kalibrierservice Prüfmittel',
  maintenance: 'Wartung und Inspektion Prüfstände',
  rental: 'Miete Prüfstand PS-400',
  software: 'Auswertungssoftware im Abonnement',
}

/** Case subjects by type, as service staff write them. */
export const CASE_SUBJECTS: Record<'service_request' | 'complaint' | 'warranty' | 'return', string[]> = {
  service_request: ['Kalibrierung fällig', 'Bitte um Wartungstermin', 'Frage zur Software-Aktualisierung', 'Schulung für neue Mitarbeiter', 'Ersatzteilanfrage Dichtungen'],
  complaint: ['Messwerte weichen ab', 'Lieferung unvollständig', 'Techniker kam verspätet', 'Rechnung fehlerhaft', 'Dokumentation fehlt', 'Gerät nach Installation laut'],
  warranty: ['Display fällt aus', 'Pumpe undicht', 'Sensor liefert keine Werte', 'Netzteil defekt'],
  return: ['Falsche Sensoren geliefert', 'Ersatzteil passt nicht', 'Transportschaden', 'Doppelt bestellt'],
}
export const ROOT_CAUSES = ['Sensor nach Transport dejustiert', 'Kommissionierfehler im Lager', 'Tourenplanung zu knapp', 'Falscher Rabatt im System', 'Lagerfehler']
export const CORRECTIVE_ACTIONS = ['Sensor justiert, Transportsicherung eingeführt', 'Nachlieferung, Vier-Augen-Prüfung im Versand', 'Puffer in der Einsatzplanung', 'Gutschrift, Stammdaten korrigiert', 'Dokument nachgeliefert']
export const NPS_COMMENTS = ['Sehr zuverlässig', 'Schnelle Hilfe im Servicefall', 'Preis ist hoch, Qualität stimmt', 'Erreichbarkeit könnte besser sein', 'Kompetente Beratung', '', '']
export const TESTIMONIALS = [
  { quote: 'Seit dem neuen Prüfstand haben wir die Prüfzeit pro Teil mehr als halbiert.', before: '90 s pro Teil', after: '40 s pro Teil' },
  { quote: 'Der Service war am nächsten Morgen da – das kennen wir von anderen Lieferanten nicht.', before: '3 Tage Stillstand', after: '4 Stunden' },
]
