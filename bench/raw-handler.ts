import 'reflect-metadata';
import { FuzzyDate } from '../src/common/fuzzy-date/fuzzy-date';
import { encodeGlobalId } from '../src/common/node/global-id';
import { encodeCursor } from '../src/common/pagination/paginate';
import type { RawDatabase, Row } from './raw-database';

/**
 * The practical limit of this machine for the benchmark's operations: hand-written SQL (prepared
 * statements) and hand-built JSON, byte-identical to the GraphQL server's answers. No GraphQL, no
 * ORM, no loaders. Statements that do not depend on each other are sent together, as the server's
 * loaders do in one tick (on SQLite they run one after the other anyway).
 */
const TYPE_NAMES: Record<string, string> = { COMPANY: 'Company', PERSON: 'Person', AUTHORITY: 'Authority' };

export function createRawHandler(db: RawDatabase) {
  const { all, inList, list } = db;
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
  const partiesById = async (ids: Iterable<number>) =>
    new Map((await all(`SELECT id, party_type, slug, name FROM party WHERE ${inList('id')}`, list(ids))).map((p) => [p.id, p]));
  const party = (p: Row) => {
    const type = TYPE_NAMES[p.party_type];
    return { __typename: type, id: encodeGlobalId(type, p.id), slug: p.slug, name: p.name };
  };
  const lawsuitsOf = async (partyIds: number[]) =>
    group(
      await all(
        `SELECT ranked.* FROM (
           SELECT l.*, m.party_id AS parent_key,
                  ROW_NUMBER() OVER (PARTITION BY m.party_id ORDER BY CASE WHEN l.filed IS NULL THEN 1 ELSE 0 END, l.filed, l.id) AS position
             FROM (SELECT DISTINCT party_id, lawsuit_id FROM lawsuit_party WHERE ${inList('party_id')}) m
             JOIN lawsuit l ON l.id = m.lawsuit_id
         ) ranked ORDER BY ranked.parent_key, ranked.position`,
        list(partyIds),
      ),
      'parent_key',
    );
  const sidesOf = async (lawsuitIds: number[]) =>
    group(await all(`SELECT lawsuit_id, party_id, role FROM lawsuit_party WHERE ${inList('lawsuit_id')} ORDER BY id`, list(lawsuitIds)), 'lawsuit_id');
  // The same count the server reads: its trigger-kept row_count where the database has one (src/common/database/row-counts.ts).
  const countCompanies = async () => {
    const [{ n }] =
      db.companyCount === 'row_count'
        ? await all(`SELECT n FROM row_count WHERE name = 'party:COMPANY'`)
        : await all(`SELECT COUNT(*) AS n FROM party WHERE party_type = 'COMPANY'`);
    return Number(n);
  };

  async function frontEnd() {
    const [page, totalCount] = await Promise.all([
      all(`SELECT id, slug, name FROM party WHERE party_type = 'COMPANY' ORDER BY slug LIMIT 51`),
      countCompanies(),
    ]);
    const companies = page.slice(0, 50);
    const lawsuits = await lawsuitsOf(companies.map((c) => c.id));
    const lawsuitIds = companies.flatMap((c) => lawsuits(c.id).map((l) => l.id));
    const sides = await sidesOf(lawsuitIds);
    const parties = await partiesById(lawsuitIds.flatMap((id) => sides(id).map((s) => s.party_id)));
    const companyIds = [...parties.values()].filter((p) => p.party_type === 'COMPANY').map((p) => p.id);
    const [sanctionRows, peopleRows] = await Promise.all([
      all(`SELECT target_id, slug, status FROM sanction WHERE ${inList('target_id')} ORDER BY id`, list(companyIds)),
      all(
        `SELECT a.organization_id, a.role, p.name FROM affiliation a JOIN party p ON p.id = a.person_id WHERE ${inList('a.organization_id')} ORDER BY a.id`,
        list(companyIds),
      ),
    ]);
    const sanctions = group(sanctionRows, 'target_id');
    const people = group(peopleRows, 'organization_id');
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

  async function deep(slug: string) {
    const [c] = await all(`SELECT * FROM party WHERE party_type = 'COMPANY' AND slug = ?`, slug);
    if (!c) return { company: null };
    const ids = list([c.id]);
    const [affiliations, lawsuitsByParty, sanctions, adversaryRows] = await Promise.all([
      all(`SELECT a.role, p.id, p.name FROM affiliation a JOIN party p ON p.id = a.person_id WHERE a.organization_id = ? ORDER BY a.id`, c.id),
      lawsuitsOf([c.id]),
      all(
        `SELECT s.slug, s.description, s.status, p.slug AS authority_slug, p.name AS authority_name FROM sanction s JOIN party p ON p.id = s.authority_id WHERE s.target_id = ? ORDER BY s.id`,
        c.id,
      ),
      all(
        `SELECT mine.party_id AS party_id, theirs.party_id AS adversary_id FROM lawsuit_party mine JOIN lawsuit_party theirs ON theirs.lawsuit_id = mine.lawsuit_id AND theirs.role <> mine.role WHERE ${inList('mine.party_id')}
         UNION SELECT target_id, authority_id FROM sanction WHERE ${inList('target_id')}
         UNION SELECT authority_id, target_id FROM sanction WHERE ${inList('authority_id')}
         UNION SELECT subject_id, authority_id FROM regulatory_action WHERE ${inList('subject_id')}
         UNION SELECT authority_id, subject_id FROM regulatory_action WHERE ${inList('authority_id')} AND subject_id IS NOT NULL`,
        ids,
        ids,
        ids,
        ids,
        ids,
      ),
    ]);
    const adversaryIds = [...new Set(adversaryRows.map((r) => r.adversary_id as number))];
    const personIds = list(affiliations.map((a) => a.id));
    const lawsuits = lawsuitsByParty(c.id);
    const lawsuitIds = lawsuits.map((l) => l.id);
    const [outgoingRows, incomingRows, sides, actionRows, citationRows] = await Promise.all([
      all(
        `SELECT k.person_id AS key, k.relation, p.name FROM kinship k JOIN party p ON p.id = k.relative_id WHERE ${inList('k.person_id')} ORDER BY k.id`,
        personIds,
      ),
      all(
        `SELECT k.relative_id AS key, k.inverse_relation AS relation, p.name FROM kinship k JOIN party p ON p.id = k.person_id WHERE ${inList('k.relative_id')} ORDER BY k.id`,
        personIds,
      ),
      sidesOf(lawsuitIds),
      all(
        `SELECT r.id, r.description, p.slug FROM regulatory_action r JOIN party p ON p.id = r.authority_id WHERE ${inList('r.id')}`,
        list(lawsuits.filter((l) => l.challenges_id != null).map((l) => l.challenges_id)),
      ),
      all(
        `SELECT c.subject_id, c.quote, s.title, s.publisher FROM citation c JOIN source s ON s.id = c.source_id WHERE c.subject_type = 'Lawsuit' AND ${inList('c.subject_id')} ORDER BY c.id`,
        list(lawsuitIds),
      ),
    ]);
    const outgoing = group(outgoingRows, 'key');
    const incoming = group(incomingRows, 'key');
    const actions = new Map(actionRows.map((r) => [r.id, r]));
    const citations = group(citationRows, 'subject_id');
    const parties = await partiesById([...lawsuitIds.flatMap((id) => sides(id).map((s) => s.party_id)), ...adversaryIds]);
    const side = (lawsuitId: number, role: string) =>
      sides(lawsuitId)
        .filter((s) => s.role === role)
        .map((s) => party(parties.get(s.party_id)!));
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
          person: {
            id: encodeGlobalId('Person', a.id),
            name: a.name,
            relatives: [...outgoing(a.id), ...incoming(a.id)].map((k) => ({ relation: k.relation, person: { name: k.name } })),
          },
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
          challenges:
            l.challenges_id == null
              ? null
              : { description: actions.get(l.challenges_id)!.description, authority: { slug: actions.get(l.challenges_id)!.slug } },
          citations: citations(l.id).map((x) => ({ quote: x.quote, source: { title: x.title, publisher: x.publisher } })),
        })),
        sanctions: sanctions.map((s) => ({
          slug: s.slug,
          description: s.description,
          status: s.status,
          authority: { slug: s.authority_slug, name: s.authority_name },
        })),
        adversaries: adversaryIds
          .map((id) => parties.get(id)!)
          .sort((a, b) => a.name.localeCompare(b.name))
          .map(party),
      },
    };
  }

  async function filtered() {
    const [page, [{ n }]] = await Promise.all([
      all(`SELECT id, slug, title, filed FROM lawsuit WHERE kind = 'PATENT_INFRINGEMENT' AND status = 'PENDING' ORDER BY slug LIMIT 21`),
      all(`SELECT COUNT(*) AS n FROM lawsuit WHERE kind = 'PATENT_INFRINGEMENT' AND status = 'PENDING'`),
    ]);
    const totalCount = Number(n);
    const lawsuits = page.slice(0, 20);
    const sides = await sidesOf(lawsuits.map((l) => l.id));
    const parties = await partiesById(lawsuits.flatMap((l) => sides(l.id).map((s) => s.party_id)));
    const side = (lawsuitId: number, role: string) =>
      sides(lawsuitId)
        .filter((s) => s.role === role)
        .map((s) => party(parties.get(s.party_id)!));
    return {
      lawsuits: {
        totalCount,
        edges: lawsuits.map((l) => ({
          cursor: encodeCursor(l.slug),
          node: {
            id: encodeGlobalId('Lawsuit', l.id),
            slug: l.slug,
            title: l.title,
            filed: date(l.filed),
            plaintiffs: side(l.id, 'PLAINTIFF'),
            defendants: side(l.id, 'DEFENDANT'),
          },
        })),
        pageInfo: { hasNextPage: page.length > 20, endCursor: lawsuits.length ? encodeCursor(lawsuits.at(-1)!.slug) : null },
      },
    };
  }

  /** The response body for one operation, exactly as Apollo Server writes it; null for an unknown operation. */
  return async (operationName: string, variables: Record<string, unknown>): Promise<string | null> => {
    const data =
      operationName === 'Typename'
        ? { __typename: 'Query' }
        : operationName === 'FrontEnd'
          ? await frontEnd()
          : operationName === 'Deep'
            ? await deep(String(variables.slug))
            : operationName === 'Filtered'
              ? await filtered()
              : null;
    return data === null ? null : JSON.stringify({ data }) + '\n';
  };
}
