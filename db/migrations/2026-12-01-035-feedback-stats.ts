// Issue 20: a local, derived roll-up of feedback scores per month, kind and segment, kept exact by triggers
// (service writes and applied pulls alike). The NPS report read every answer of its range (7× the time at 5×
// the data); it now reads whole months from here and only the partial months at the range's edges from
// feedback. Never synced: every device derives the same.
//   kind 'nps':          answers with a score, not deleted, of a company that exists and is not deleted, under
//                        that company's segment (the report joins companies): answers, promoters (≥ 9),
//                        detractors (≤ 6) and the score sum.
//   kind 'satisfaction': answers with a score, not deleted, whatever their company (the report's average does
//                        not look at companies), under segment '': answers and the score sum.
// The thresholds are those of db/modules/service/service.predicates.ts (PROMOTER_MIN_SCORE, DETRACTOR_MAX_SCORE),
// written out as a released migration must; a test compares the report with a direct count.
import { sql, type Kysely } from 'kysely'

const COLUMNS = 'feedback_stats (month, kind, segment, answers, promoters, detractors, score_sum)'
const UPSERT = `ON CONFLICT(month, kind, segment) DO UPDATE SET answers = answers + excluded.answers,
  promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors, score_sum = score_sum + excluded.score_sum`
const SCORED = (row: string) => `${row}.deleted_at IS NULL AND ${row}.score IS NOT NULL`
/**
 * The figures after the key: of the one feedback row `row`, or summed over the rows `row` of a group (`many`).
 * Promoters and detractors are NPS words: a satisfaction score counts as neither.
 */
const FIGURES = (row: string, sign: 1 | -1, many: boolean, kind: 'nps' | 'satisfaction') => {
  const of = (value: string) => (many ? `${sign} * sum(${value})` : `${sign} * (${value})`)
  return [many ? `${sign} * count(*)` : `${sign}`, kind === 'nps' ? of(`${row}.score >= 9`) : '0', kind === 'nps' ? of(`${row}.score <= 6`) : '0', of(`${row}.score`)].join(', ')
}

/** One feedback row counted in (+1) or out (−1): an NPS answer under its live company's segment, a satisfaction score under ''. */
const count = (row: string, sign: 1 | -1) => `
  INSERT INTO ${COLUMNS}
    SELECT substr(${row}.given_on, 1, 7), 'nps', c.segment, ${FIGURES(row, sign, false, 'nps')}
    FROM companies c WHERE c.id = ${row}.company_id AND c.deleted_at IS NULL AND ${row}.kind = 'nps' AND ${SCORED(row)} ${UPSERT};
  INSERT INTO ${COLUMNS}
    SELECT substr(${row}.given_on, 1, 7), 'satisfaction', '', ${FIGURES(row, sign, false, 'satisfaction')}
    WHERE ${row}.kind = 'satisfaction' AND ${SCORED(row)} ${UPSERT};`

/** All NPS answers of a company counted in (+1) or out (−1) under `segment`, if `when` holds. */
const company = (companyId: string, segment: string, sign: 1 | -1, when = '1') => `
  INSERT INTO ${COLUMNS}
    SELECT substr(f.given_on, 1, 7), 'nps', ${segment}, ${FIGURES('f', sign, true, 'nps')}
    FROM feedback f WHERE ${when} AND f.company_id = ${companyId} AND f.kind = 'nps' AND ${SCORED('f')}
    GROUP BY 1 ${UPSERT};`

export const statements: string[] = [
  `CREATE TABLE feedback_stats (
    month TEXT NOT NULL,
    kind TEXT NOT NULL,
    segment TEXT NOT NULL,
    answers INTEGER NOT NULL,
    promoters INTEGER NOT NULL,
    detractors INTEGER NOT NULL,
    score_sum INTEGER NOT NULL,
    PRIMARY KEY (month, kind, segment)) WITHOUT ROWID`,
  `INSERT INTO ${COLUMNS}
    SELECT substr(f.given_on, 1, 7), 'nps', c.segment, ${FIGURES('f', 1, true, 'nps')}
    FROM feedback f JOIN companies c ON c.id = f.company_id AND c.deleted_at IS NULL
    WHERE f.kind = 'nps' AND ${SCORED('f')} GROUP BY 1, 3`,
  `INSERT INTO ${COLUMNS}
    SELECT substr(f.given_on, 1, 7), 'satisfaction', '', ${FIGURES('f', 1, true, 'satisfaction')}
    FROM feedback f WHERE f.kind = 'satisfaction' AND ${SCORED('f')} GROUP BY 1`,
  `CREATE TRIGGER feedback_stats_ai AFTER INSERT ON feedback BEGIN ${count('new', 1)} END`,
  `CREATE TRIGGER feedback_stats_ad AFTER DELETE ON feedback BEGIN ${count('old', -1)} END`,
  `CREATE TRIGGER feedback_stats_au AFTER UPDATE OF kind, given_on, score, deleted_at, company_id ON feedback
    BEGIN ${count('old', -1)} ${count('new', 1)} END`,
  // NPS answers count only while their company is there and not deleted (a pull applies rows in commit order,
  // so answers may arrive before their company): a company's arrival, segment change, deletion, restoring and
  // removal move its answers' counts along.
  `CREATE TRIGGER feedback_stats_company_ai AFTER INSERT ON companies WHEN new.deleted_at IS NULL BEGIN ${company('new.id', 'new.segment', 1)} END`,
  `CREATE TRIGGER feedback_stats_company_au AFTER UPDATE OF segment, deleted_at ON companies
    WHEN old.segment IS NOT new.segment OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL)
    BEGIN
      ${company('old.id', 'old.segment', -1, 'old.deleted_at IS NULL')}
      ${company('new.id', 'new.segment', 1, 'new.deleted_at IS NULL')}
    END`,
  `CREATE TRIGGER feedback_stats_company_ad AFTER DELETE ON companies WHEN old.deleted_at IS NULL BEGIN ${company('old.id', 'old.segment', -1)} END`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
