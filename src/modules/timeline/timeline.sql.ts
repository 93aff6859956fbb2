/**
 * The SQL of the timeline, written to run unchanged on SQLite and PostgreSQL (`||`, `substr`,
 * `ltrim`/`rtrim` with characters, row-free keyset conditions).
 */
import { datedFactsAmongSql, datedFactsSql, factParticipantsSql, partyDatedFactsSql, sortKeySql } from '../../common/facts/fact-sql';
import { disputeFactIdsSql } from '../dispute/dispute.fact';
import { factTypes } from '../../facts';

/** Every dated fact: type, id, stored date, kind of entry, one-line title (from the fact declarations). */
export const DATED_FACTS = datedFactsSql(factTypes);

/** The dated facts of one party (`parameters` times its id). */
export const PARTY_DATED_FACTS = partyDatedFactsSql(factTypes);

/** The dated facts of one dispute (`parameters` times its id). */
export const DISPUTE_DATED_FACTS = datedFactsAmongSql(factTypes, disputeFactIdsSql);

/** Who each dated fact involves: (fact_type, fact_id, party_id). */
export const FACT_PARTICIPANTS = factParticipantsSql(factTypes);

/** The sort key of a stored fuzzy date (fact-sql.ts): the timeline's indexes are on it. */
export { sortKeySql };

/** The same key computed here, for `from`/`to` arguments: start (or end) of the period. */
export function periodKey(iso: string, end: boolean): string {
  return end ? `${iso}${'-12-31'.slice(iso.length - 4)}3` : `${iso}${'-01-01'.slice(iso.length - 4)}0`;
}
