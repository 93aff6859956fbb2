import 'reflect-metadata';
import type Database from 'better-sqlite3';
import { FuzzyDate } from '../src/common/fuzzy-date/fuzzy-date';
import { encodeGlobalId } from '../src/common/node/global-id';
import { encodeCursor } from '../src/common/pagination/paginate';

/**
 * The practical limit of this machine for the benchmark's operations: hand-written SQL on
 * better-sqlite3 prepared statements and hand-built JSON, byte-identical to the GraphQL
 * server's answers. No GraphQL, no ORM, no loaders.
 */
type Row = Record<string, any>;
const TYPE_NAMES: Record<string, string> = { COMPANY: 'Company', PERSON: 'Person', AUTHORITY: 'Authority' };

export function createRawHandler(db: Database.Database, onStatement: () => void = () => undefined) {
  const prepared = new Map<string, Database.Statement>();
  const all = (sql: string, ...params: unknown[]): Row[] => {
    let statement = prepared.get(sql);
    if (!statement) prepared.set(sql, (statement = db.prepare(sql)));
    onStatement();
    return statement.all(...params) as Row[];
  };
  const list = (ids: Iterable<number>) => JSON.stringify([...new Set(ids)]);
  const group = (rows: Row[], key: string) => {
    const groups = new Map<number, Row[]>();
    for (const row of rows) {
      const bucket = groups.get(row[key]);
      if (bucket) bucket.push(row);
      else groups.set(row[key], [row]);
    }
    return (id: number) => groups.get(id) ?? [];
  };
  const date = (text: string | null) => {
    if (text == null) return null;
    const { iso, precision, approximate } = FuzzyDate.parse(text);
    return { iso, precision, approximate };
  };
  const partiesById = (ids: Iterable<number>) =>
    new Map(all(`SELECT id, party_type, slug, name FROM party WHERE id IN (SELECT value FROM json_each(?))`, list(ids)).map((p) => [p.id, p]));
  const party = (p: Row) => {
    const type = TYPE_NAMES[p.party_type];
    return { __typename: type, id: encodeGlobalId(type, p.id), slug: p.slug, name: p.name };
  };
  const lawsuitsOf = (partyIds: number[]) =>
    group(
      all(
        `SELECT ranked.* FROM (
           SELECT l.*, m.party_id AS parent_key,
                  ROW_NUMBER() OVER (PARTITION BY m.party_id ORDER BY CASE WHEN l.filed IS NULL THEN 1 ELSE 0 END, l.filed, l.id) AS position
             FROM (SELECT DISTINCT party_id, lawsuit_id FROM lawsuit_party WHERE party_id IN (SELECT value FROM json_each(?))) m
             JOIN lawsuit l ON l.id = m.lawsuit_id
         ) ranked ORDER BY ranked.parent_key, ranked.position`,
        list(partyIds),
      ),
      'parent_key',
    );
  const sidesOf = (lawsuitIds: number[]) =>
    group(all(`SELECT lawsuit_id, party_id, role FROM lawsuit_party WHERE lawsuit_id IN (SELECT value FROM json_each(?)) ORDER BY id`, list(lawsuitIds)), 'lawsuit_id');

  function frontEnd() {
    const page = all(`SELECT id, slug, name FROM party WHERE party_type = 'COMPANY' ORDER BY slug LIMIT 51`);
    // The same trigger-kept count the server reads (src/common/database/row-counts.ts).
    const [{ n: totalCount }] = all(`SELECT n FROM row_count WHERE name = 'party:COMPANY'`);
    const companies = page.slice(0, 50);
    const lawsuits = lawsuitsOf(companies.map((c) => c.id));
    const lawsuitIds = companies.flatMap((c) => lawsuits(c.id).map((l) => l.id));
    const sides = sidesOf(lawsuitIds);
    const parties = partiesById(lawsuitIds.flatMap((id) => sides(id).map((s) => s.party_id)));
    const companyIds = [...parties.values()].filter((p) => p.party_type === 'COMPANY').map((p) => p.id);
    const sanctions = group(all(`SELECT target_id, slug, status FROM sanction WHERE target_id IN (SELECT value FROM json_each(?)) ORDER BY id`, list(companyIds)), 'target_id');
    const people = group(
      all(`SELECT a.organization_id, a.role, p.name FROM affiliation a JOIN party p ON p.id = a.person_id WHERE a.organization_id IN (SELECT value FROM json_each(?)) ORDER BY a.id`, list(companyIds)),
      'organization_id',
    );
    const side = (lawsuitId: number, role: string) =>
      sides(lawsuitId)
        .filter((s) => s.role === role)
        .map((s) => {
          const p = parties.get(s.party_id)!;
          return p.party_type !== 'COMPANY'
            ? party(p)
            : {
                ...party(p),
                sanctions: sanctions(p.id).map((x) => ({ slug: x.slug, status: x.status })),
                people: people(p.id).map((x) => ({ role: x.role, person: { name: x.name } })),
              };
        });
    return {
      companies: {
        totalCount,
        edges: companies.map((c) => ({
          cursor: encodeCursor(c.slug),
          node: {
            id: encodeGlobalId('Company', c.id),
            slug: c.slug,
            name: c.name,
            lawsuits: lawsuits(c.id).map((l) => ({
              id: encodeGlobalId('Lawsuit', l.id),
              slug: l.slug,
              title: l.title,
              kind: l.kind,
              status: l.status,
              filed: date(l.filed),
              plaintiffs: side(l.id, 'PLAINTIFF'),
              defendants: side(l.id, 'DEFENDANT'),
            })),
          },
        })),
        pageInfo: { hasNextPage: page.length > 50, endCursor: companies.length ? encodeCursor(companies.at(-1)!.slug) : null },
      },
    };
  }

  function deep(slug: string) {
    const [c] = all(`SELECT * FROM party WHERE party_type = 'COMPANY' AND slug = ?`, slug);
    if (!c) return { company: null };
    const affiliations = all(`SELECT a.role, p.id, p.name FROM affiliation a JOIN party p ON p.id = a.person_id WHERE a.organization_id = ? ORDER BY a.id`, c.id);
    const personIds = list(affiliations.map((a) => a.id));
    const outgoing = group(all(`SELECT k.person_id AS key, k.relation, p.name FROM kinship k JOIN party p ON p.id = k.relative_id WHERE k.person_id IN (SELECT value FROM json_each(?)) ORDER BY k.id`, personIds), 'key');
    const incoming = group(all(`SELECT k.relative_id AS key, k.inverse_relation AS relation, p.name FROM kinship k JOIN party p ON p.id = k.person_id WHERE k.relative_id IN (SELECT value FROM json_each(?)) ORDER BY k.id`, personIds), 'key');
    const lawsuits = lawsuitsOf([c.id])(c.id);
    const lawsuitIds = lawsuits.map((l) => l.id);
    const sides = sidesOf(lawsuitIds);
    const actions = new Map(
      all(`SELECT r.id, r.description, p.slug FROM regulatory_action r JOIN party p ON p.id = r.authority_id WHERE r.id IN (SELECT value FROM json_each(?))`, list(lawsuits.filter((l) => l.challenges_id != null).map((l) => l.challenges_id))).map((r) => [r.id, r]),
    );
    const citations = group(
      all(`SELECT c.subject_id, c.quote, s.title, s.publisher FROM citation c JOIN source s ON s.id = c.source_id WHERE c.subject_type = 'Lawsuit' AND c.subject_id IN (SELECT value FROM json_each(?)) ORDER BY c.id`, list(lawsuitIds)),
      'subject_id',
    );
    const sanctions = all(`SELECT s.slug, s.description, s.status, p.slug AS authority_slug, p.name AS authority_name FROM sanction s JOIN party p ON p.id = s.authority_id WHERE s.target_id = ? ORDER BY s.id`, c.id);
    const ids = JSON.stringify([c.id]);
    const adversaryIds = [
      ...new Set(
        all(
          `SELECT mine.party_id AS party_id, theirs.party_id AS adversary_id FROM lawsuit_party mine JOIN lawsuit_party theirs ON theirs.lawsuit_id = mine.lawsuit_id AND theirs.role <> mine.role WHERE mine.party_id IN (SELECT value FROM json_each(?))
           UNION SELECT target_id, authority_id FROM sanction WHERE target_id IN (SELECT value FROM json_each(?))
           UNION SELECT authority_id, target_id FROM sanction WHERE authority_id IN (SELECT value FROM json_each(?))
           UNION SELECT subject_id, authority_id FROM regulatory_action WHERE subject_id IN (SELECT value FROM json_each(?))
           UNION SELECT authority_id, subject_id FROM regulatory_action WHERE authority_id IN (SELECT value FROM json_each(?)) AND subject_id IS NOT NULL`,
          ids, ids, ids, ids, ids,
        ).map((r) => r.adversary_id),
      ),
    ];
    const parties = partiesById([...lawsuitIds.flatMap((id) => sides(id).map((s) => s.party_id)), ...adversaryIds]);
    const side = (lawsuitId: number, role: string) => sides(lawsuitId).filter((s) => s.role === role).map((s) => party(parties.get(s.party_id)!));
    return {
      company: {
        id: encodeGlobalId('Company', c.id),
        slug: c.slug,
        name: c.name,
        aliases: JSON.parse(c.aliases),
        description: c.description,
        headquarters: c.headquarters,
        country: c.country,
        people: affiliations.map((a) => ({
          role: a.role,
          person: { id: encodeGlobalId('Person', a.id), name: a.name, relatives: [...outgoing(a.id), ...incoming(a.id)].map((k) => ({ relation: k.relation, person: { name: k.name } })) },
        })),
        lawsuits: lawsuits.map((l) => ({
          id: encodeGlobalId('Lawsuit', l.id),
          slug: l.slug,
          title: l.title,
          kind: l.kind,
          status: l.status,
          filed: date(l.filed),
          technologies: JSON.parse(l.technologies),
          plaintiffs: side(l.id, 'PLAINTIFF'),
          defendants: side(l.id, 'DEFENDANT'),
          challenges: l.challenges_id == null ? null : { description: actions.get(l.challenges_id)!.description, authority: { slug: actions.get(l.challenges_id)!.slug } },
          citations: citations(l.id).map((x) => ({ quote: x.quote, source: { title: x.title, publisher: x.publisher } })),
        })),
        sanctions: sanctions.map((s) => ({ slug: s.slug, description: s.description, status: s.status, authority: { slug: s.authority_slug, name: s.authority_name } })),
        adversaries: adversaryIds.map((id) => parties.get(id)!).sort((a, b) => a.name.localeCompare(b.name)).map(party),
      },
    };
  }

  function filtered() {
    const page = all(`SELECT id, slug, title, filed FROM lawsuit WHERE kind = 'PATENT_INFRINGEMENT' AND status = 'PENDING' ORDER BY slug LIMIT 21`);
    const [{ n: totalCount }] = all(`SELECT COUNT(*) AS n FROM lawsuit WHERE kind = 'PATENT_INFRINGEMENT' AND status = 'PENDING'`);
    const lawsuits = page.slice(0, 20);
    const sides = sidesOf(lawsuits.map((l) => l.id));
    const parties = partiesById(lawsuits.flatMap((l) => sides(l.id).map((s) => s.party_id)));
    const side = (lawsuitId: number, role: string) => sides(lawsuitId).filter((s) => s.role === role).map((s) => party(parties.get(s.party_id)!));
    return {
      lawsuits: {
        totalCount,
        edges: lawsuits.map((l) => ({
          cursor: encodeCursor(l.slug),
          node: { id: encodeGlobalId('Lawsuit', l.id), slug: l.slug, title: l.title, filed: date(l.filed), plaintiffs: side(l.id, 'PLAINTIFF'), defendants: side(l.id, 'DEFENDANT') },
        })),
        pageInfo: { hasNextPage: page.length > 20, endCursor: lawsuits.length ? encodeCursor(lawsuits.at(-1)!.slug) : null },
      },
    };
  }

  /** The response body for one operation, exactly as Apollo Server writes it. */
  return (operationName: string, variables: Record<string, unknown>): string | null => {
    const data =
      operationName === 'Typename' ? { __typename: 'Query' }
      : operationName === 'FrontEnd' ? frontEnd()
      : operationName === 'Deep' ? deep(String(variables.slug))
      : operationName === 'Filtered' ? filtered()
      : null;
    return data === null ? null : JSON.stringify({ data }) + '\n';
  };
}
