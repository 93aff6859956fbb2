import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Loaders } from '../src/common/loaders/loaders';
import { itWithApolloPatch, startTestServer, type TestServer } from './helpers';

/**
 * What a request leaves behind once it is answered. Measured in bytes that the young-generation
 * collector could not free (not in time): a finished request that stays reachable for it gets its
 * rows and answer copied into the old generation, and under load that copying was a quarter of the
 * front-end page's CPU (bench/results/latest.md, fourth pass).
 */
describe('a finished request', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  afterEach(() => jest.restoreAllMocks());

  it('lets go of its loaders, and of every row they hold, once it is answered', async () => {
    const released: Loaders[] = [];
    const release = Loaders.prototype.release;
    jest.spyOn(Loaders.prototype, 'release').mockImplementation(function (this: Loaders) {
      released.push(this);
      return release.call(this);
    });
    const answer = (await server.gql('{ company(slug: "huawei") { name lawsuits { title plaintiffs { __typename } } } }')) as any;
    expect(answer.data.company.name).toBe('Huawei Technologies');
    expect(released).toHaveLength(1);
    // Nothing is left cached, but the request's log line still has its row count.
    expect((released[0] as unknown as { loaders: Map<unknown, unknown> }).loaders.size).toBe(0);
    expect(released[0].rowsLoaded).toBeGreaterThan(3);
  });

  it('is released when its operation fails too', async () => {
    const spy = jest.spyOn(Loaders.prototype, 'release');
    const answer = (await server.gql('{ company(slug: "huawei") { nope } }')) as any;
    expect(answer.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(spy).toHaveBeenCalledTimes(1);
  });

  itWithApolloPatch('leaves (almost) nothing for the young-generation collector to copy: the front-end page, on the built server', () => {
    const script = path.join(__dirname, 'support/request-retention.js');
    const run = spawnSync(process.execPath, ['--expose-gc', '--max-semi-space-size=64', script], { encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    const { oldGenerationGrowth } = JSON.parse(run.stdout);
    // About 31 kB with Apollo's patch and the loaders released; about 177 kB of every page (its rows
    // and its answer) without the patch (patches/@apollo+server+5.5.1.patch, docs/patches.md).
    expect(oldGenerationGrowth).toBeLessThan(100 * 1024);
  });
});
