/**
 * The SQL of the timeline, written to run unchanged on SQLite and PostgreSQL (`||`, `substr`,
 * `ltrim`/`rtrim` with characters, row-free keyset conditions).
 */

/** Every dated fact: type, id, stored date, kind of entry, one-line title. */
export const DATED_FACTS = `
  SELECT 'Lawsuit' AS fact_type, id AS fact_id, filed AS date,
         CASE WHEN kind IN ('CRIMINAL', 'EXTRADITION') THEN 'CHARGES_FILED' ELSE 'LAWSUIT_FILED' END AS kind, title
    FROM lawsuit WHERE filed IS NOT NULL
  UNION ALL SELECT 'Sanction', id, imposed, 'SANCTION_IMPOSED', description FROM sanction WHERE imposed IS NOT NULL
  UNION ALL SELECT 'RegulatoryAction', id, date, 'REGULATORY_ACTION', description FROM regulatory_action WHERE date IS NOT NULL
  UNION ALL SELECT 'LicensingNegotiation', id, started, 'NEGOTIATION_STARTED', subject FROM licensing_negotiation WHERE started IS NOT NULL
  UNION ALL SELECT 'Statement', id, date, 'STATEMENT', text FROM statement WHERE date IS NOT NULL
  UNION ALL SELECT 'Event', id, date, 'EVENT', title FROM event WHERE date IS NOT NULL`;

/** Who each fact involves: (fact_type, fact_id, party_id). */
export const FACT_PARTICIPANTS = `
  SELECT 'Lawsuit' AS fact_type, lawsuit_id AS fact_id, party_id FROM lawsuit_party
  UNION ALL SELECT 'Sanction', id, authority_id FROM sanction
  UNION ALL SELECT 'Sanction', id, target_id FROM sanction
  UNION ALL SELECT 'RegulatoryAction', id, authority_id FROM regulatory_action
  UNION ALL SELECT 'RegulatoryAction', id, subject_id FROM regulatory_action WHERE subject_id IS NOT NULL
  UNION ALL SELECT 'LicensingNegotiation', negotiation_id, party_id FROM negotiation_party
  UNION ALL SELECT 'Statement', id, speaker_id FROM statement
  UNION ALL SELECT 'Event', event_id, party_id FROM event_participant`;

/**
 * The chronological sort key of a stored fuzzy date (`2019-12`, `2019-02~`, `<2019-02~`): the
 * date with missing parts as the start of the period (`2019-12-01`), then 0 for a BEFORE
 * bound, 1 for a plain date, 2 for an AFTER bound, so "before February 2019" sorts just before
 * February 2019 and a month before the days in it.
 */
export function sortKeySql(column: string): string {
  const core = `rtrim(ltrim(${column}, '<>'), '~')`;
  return `${core} || substr('-01-01', length(${core}) - 3) || CASE substr(${column}, 1, 1) WHEN '<' THEN '0' WHEN '>' THEN '2' ELSE '1' END`;
}

/** The same key computed here, for `from`/`to` arguments: start (or end) of the period. */
export function periodKey(iso: string, end: boolean): string {
  return end ? `${iso}${'-12-31'.slice(iso.length - 4)}3` : `${iso}${'-01-01'.slice(iso.length - 4)}0`;
}
