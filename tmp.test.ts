import { startTestServer } from './test/helpers';
it('x', async () => {
  const s = await startTestServer({ env: { QUERY_MAX_DEPTH: '3', QUERY_MAX_COST: '10', QUERY_MAX_ALIASES: '1' } });
  const q = `{ company(slug: "huawei") { ${'slug '.repeat(1990)}} }`;
  console.log(JSON.stringify(await s.gql(q)).slice(0, 500));
  console.log(JSON.stringify(await s.gql(q + ' slug')).slice(0, 500));
  console.log(JSON.stringify(await s.gql('{ companies(first: 5) { edges { node { slug } } } }')).slice(0, 500));
  console.log(JSON.stringify(await s.gql('{ company(slug: "huawei") { adversaries { ... on Company { slug } } } }')).slice(0, 500));
  await s.close();
});
