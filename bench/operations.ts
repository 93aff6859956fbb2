/**
 * The fixed operations every benchmark variant answers, byte for byte the same.
 * Each is sent as `{ operationName, query, variables }`.
 */
export interface BenchOperation {
  name: string;
  description: string;
  query: string;
  variables: Record<string, unknown>;
}

const PARTY = `__typename ... on Company { id slug name } ... on Person { id slug name } ... on Authority { id slug name }`;

export const OPERATIONS: BenchOperation[] = [
  {
    name: 'Typename',
    description: '`{ __typename }`: the fixed cost of a request',
    query: 'query Typename { __typename }',
    variables: {},
  },
  {
    name: 'FrontEnd',
    description: 'front-end page: 50 companies → lawsuits → plaintiffs/defendants → their sanctions and people',
    query: `query FrontEnd { companies(first: 50) { totalCount edges { cursor node { id slug name lawsuits { id slug title kind status filed { iso precision approximate }
      plaintiffs { __typename ... on Company { id slug name sanctions { slug status } people { role person { name } } } ... on Person { id slug name } ... on Authority { id slug name } }
      defendants { __typename ... on Company { id slug name sanctions { slug status } people { role person { name } } } ... on Person { id slug name } ... on Authority { id slug name } } } } }
      pageInfo { hasNextPage endCursor } } }`,
    variables: {},
  },
  {
    name: 'Deep',
    description: 'deep single-entity lookup by slug (`huawei`): people, suits with both sides and citations, sanctions, adversaries',
    query: `query Deep($slug: String!) { company(slug: $slug) { id slug name aliases description headquarters country
      people { role person { id name relatives { relation person { name } } } }
      lawsuits { id slug title kind status filed { iso precision approximate } technologies
        plaintiffs { ${PARTY} } defendants { ${PARTY} }
        challenges { description authority { slug } }
        citations { quote source { title publisher } } }
      sanctions { slug description status authority { slug name } }
      adversaries { ${PARTY} } } }`,
    variables: { slug: 'huawei' },
  },
  {
    name: 'Filtered',
    description: 'filtered `lawsuits` connection page: 20 pending patent suits with both sides, and the total',
    query: `query Filtered { lawsuits(first: 20, filter: { kind: PATENT_INFRINGEMENT, status: PENDING }) { totalCount
      edges { cursor node { id slug title filed { iso precision approximate } plaintiffs { ${PARTY} } defendants { ${PARTY} } } }
      pageInfo { hasNextPage endCursor } } }`,
    variables: {},
  },
];

export function requestBody(operation: BenchOperation): string {
  return JSON.stringify({ operationName: operation.name, query: operation.query, variables: operation.variables });
}
