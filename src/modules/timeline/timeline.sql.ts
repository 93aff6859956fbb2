/**
 * The SQL of the timeline, written to run unchanged on SQLite and PostgreSQL (`||`, `substr`,
 * `ltrim`/`rtrim` with characters, row-free keyset conditions).
 */
import { datedFactsAmongSql, datedFactsSql, factParticipantsSql, partyDatedFactsSql } from '../../common/facts/fact-sql';
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

/**
 * The chronological sort key of a stored fuzzy date (`2019-12`, `2019-02~`, `<2019-02~`): the
 * date with missing parts as the start of the period (`2019-12-01`), then 0 for a BEFORE
 * bound (or ON_OR_BEFORE), 1 for a plain date, 2 for an AFTER (or ON_OR_AFTER) bound, so "before February 2019" sorts just before
 * February 2019 and a month before the days in it.
 */
export function sortKeySql(column: string): string {
  const core = `rtrim(ltrim(${column}, '<>='), '~')`;
  return `${core} || substr('-01-01', length(${core}) - 3) || CASE substr(${column}, 1, 1) WHEN '<' THEN '0' WHEN '>' THEN '2' ELSE '1' END`;
}

/** The same key computed here, for `from`/`to` arguments: start (or end) of the period. */
export function periodKey(iso: string, end: boolean): string {
  return end ? `${iso}${'-12-31'.slice(iso.length - 4)}3` : `${iso}${'-01-01'.slice(iso.length - 4)}0`;
}
