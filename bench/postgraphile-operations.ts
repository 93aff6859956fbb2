import { existsSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

/**
 * The benchmark's operations as PostGraphile 4 (with pg-simplify-inflector) is asked them, on the
 * same database. Its schema is the tables' own, so the front-end page reads the same rows through
 * the join table: companies (party rows of type COMPANY, by slug) → lawsuit_party → lawsuit →
 * lawsuit_party → party → sanctions (by target) and affiliations (by organization) → person.
 * PostGraphile counts the companies with `count(*)` (it knows nothing of the trigger-kept row_count).
 */
export const POSTGRAPHILE_QUERIES: Record<string, string> = {
  Typename: 'query Typename { __typename }',
  FrontEnd: `query FrontEnd { parties(first: 50, orderBy: SLUG_ASC, condition: { partyType: "COMPANY" }) { totalCount edges { cursor node { id slug name
    lawsuitParties { nodes { lawsuit { id slug title kind status filed
      lawsuitParties { nodes { role party { partyType id slug name sanctionsByTargetId { nodes { slug status } } affiliationsByOrganizationId { nodes { role person { name } } } } } } } } } } }
    pageInfo { hasNextPage endCursor } } }`,
};

export function postgraphileRequestBody(operationName: string): string {
  return JSON.stringify({ operationName, query: POSTGRAPHILE_QUERIES[operationName], variables: {} });
}

/** What must agree between this server's answer and PostGraphile's: the companies, their count, their lawsuits and each lawsuit's sides. */
export function comparable(operationName: string, body: string, from: 'server' | 'postgraphile'): unknown {
  const { data } = JSON.parse(body);
  if (operationName !== 'FrontEnd') return data;
  const sorted = <T>(xs: T[]) => [...new Set(xs.map((x) => JSON.stringify(x)))].sort();
  if (from === 'server') {
    return {
      totalCount: data.companies.totalCount,
      companies: data.companies.edges.map(({ node }: any) => ({
        slug: node.slug,
        name: node.name,
        lawsuits: sorted(
          node.lawsuits.map((l: any) => ({
            slug: l.slug,
            title: l.title,
            kind: l.kind,
            status: l.status,
            filed: l.filed ? `${l.filed.iso}${l.filed.approximate ? '~' : ''}` : null,
            parties: sorted([...l.plaintiffs.map((p: any) => ['PLAINTIFF', p.slug]), ...l.defendants.map((p: any) => ['DEFENDANT', p.slug])]),
          })),
        ),
      })),
    };
  }
  return {
    totalCount: data.parties.totalCount,
    companies: data.parties.edges.map(({ node }: any) => ({
      slug: node.slug,
      name: node.name,
      lawsuits: sorted(
        node.lawsuitParties.nodes.map(({ lawsuit: l }: any) => ({
          // The stored fuzzy date ("<2019-02~"): the server's FuzzyDate gives its `iso` and approximation apart.
          slug: l.slug,
          title: l.title,
          kind: l.kind,
          status: l.status,
          filed: l.filed === null ? null : `${l.filed.replace(/^[<>]/, '')}`,
          parties: sorted(l.lawsuitParties.nodes.map((n: any) => [n.role, n.party.slug])),
        })),
      ),
    })),
  };
}

/** PostGraphile is installed apart from the project (bench/postgraphile/package.json): installs it on first use. */
export function ensurePostgraphileInstalled(root: string): string {
  const dir = path.join(root, 'bench/postgraphile');
  if (!existsSync(path.join(dir, 'node_modules/postgraphile'))) {
    process.stdout.write('installing PostGraphile 4 for the benchmark (npm ci in bench/postgraphile) …\n');
    const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`npm ci in ${dir} failed (exit ${result.status})`);
  }
  return path.join(dir, 'server.js');
}
