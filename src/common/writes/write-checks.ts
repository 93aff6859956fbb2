import type { EntityManager } from 'typeorm';
import { BadUserInputError, echo } from '../errors';
import type { NodeEntity } from '../node/node.entity';
import { runSql } from '../sql';
import { describeProblems, type Problem } from '../validation/rules';
import { Source } from '../citation/source.entity';
import type { CitedSource, FactWriter } from './fact-writer';
import { formerSlugsIn } from '../identity/former-slugs';

export type PartyKind = 'COMPANY' | 'PERSON' | 'AUTHORITY';

/** A party an input or document item names, where, and what kind of party it may be. */
export interface PartyReference {
  path: string;
  slug: unknown;
  /** Allowed kinds (any party when absent). */
  types?: PartyKind[];
}

const ANY_PARTY: PartyKind[] = ['COMPANY', 'PERSON', 'AUTHORITY'];
export const partyLabel: Record<PartyKind, string> = { COMPANY: 'company', PERSON: 'person', AUTHORITY: 'authority' };

/** Problems grouped by field path, in order: `extensions.invalidArguments`. */
function byField(problems: Problem[]): { field: string; problems: string[] }[] {
  const fields = new Map<string, string[]>();
  for (const { path, message } of problems) fields.set(path, [...(fields.get(path) ?? []), message]);
  return [...fields].map(([field, list]) => ({ field, problems: list }));
}

/** Every problem, as one BAD_USER_INPUT error listing each field with its path (`extensions.invalidArguments`). */
export function invalidArguments(problems: Problem[], extra: Record<string, unknown> = {}): BadUserInputError {
  const invalid = byField(problems);
  return new BadUserInputError(`Invalid arguments: ${invalid.map((i) => `${i.field}: ${i.problems.join('; ')}`).join(' | ')}`, {
    invalidArguments: invalid,
    ...extra,
  });
}

/** A source document's problems: the same, plus `extensions.problems` (`path: what` lines, which `npm run import` prints). */
export function invalidDocument(problems: Problem[]): BadUserInputError {
  const lines = describeProblems(problems);
  return new BadUserInputError(`The source document is invalid: ${lines.join('; ')}`, { problems: lines, invalidArguments: byField(problems) });
}

/**
 * What a write checks beyond the shape of its input (the rules do that): that the slugs it names
 * exist (or, for a new object, are free) and that every quote occurs verbatim in its stored
 * source. Every problem is collected, then reported together as one BAD_USER_INPUT error.
 */
export class WriteChecks {
  readonly problems: Problem[] = [];
  private readonly sources = new Map<string, Source | null>();

  constructor(
    readonly manager: EntityManager,
    private readonly writer: FactWriter,
  ) {}

  report(path: string, message: string) {
    this.problems.push({ path, message });
  }

  /** Looks up every referenced party in one query; names each unknown one and each of the wrong kind. */
  async parties(refs: PartyReference[]): Promise<void> {
    const slugs = [...new Set(refs.map((ref) => ref.slug).filter((slug): slug is string => typeof slug === 'string' && slug !== ''))];
    const rows = slugs.length
      ? await runSql<{ id: number; slug: string; party_type: PartyKind }>(this.manager, 'SELECT id, slug, party_type FROM party WHERE slug IN (:...slugs)', {
          slugs,
        })
      : [];
    const found = new Map(rows.map((row) => [row.slug, row]));
    // A former slug (a renamed or merged-away party) names the party it now is.
    const former = await formerSlugsIn(
      this.manager,
      'party',
      slugs.filter((slug) => !found.has(slug)),
    );
    if (former.size) {
      const ids = [...new Set(former.values())];
      const current = await runSql<{ id: number; slug: string; party_type: PartyKind }>(
        this.manager,
        'SELECT id, slug, party_type FROM party WHERE id IN (:...ids)',
        { ids },
      );
      const byId = new Map(current.map((row) => [Number(row.id), row]));
      for (const [slug, id] of former) if (byId.has(id)) found.set(slug, byId.get(id)!);
    }
    for (const { path, slug, types = ANY_PARTY } of refs) {
      if (typeof slug !== 'string') continue;
      const row = found.get(slug);
      if (!row) this.report(path, `unknown party ${echo(slug)}`);
      else if (!types.includes(row.party_type))
        this.report(path, `${echo(slug)} is a ${partyLabel[row.party_type]}, expected ${types.map((t) => partyLabel[t]).join(' or ')}`);
      else this.writer.partyIds.set(slug, Number(row.id));
    }
  }

  /** The stored source of each citation, checking that its quote occurs verbatim in the source text. */
  async citations(citations: { source: string; quote: string }[], path = 'citations'): Promise<{ source: CitedSource; quote: string }[]> {
    const resolved: { source: CitedSource; quote: string }[] = [];
    for (const [i, citation] of citations.entries()) {
      if (!this.sources.has(citation.source)) {
        this.sources.set(
          citation.source,
          await this.manager.getRepository(Source).findOne({ where: { slug: citation.source }, select: { id: true, slug: true, text: true } }),
        );
      }
      const source = this.sources.get(citation.source);
      if (!source) this.report(`${path}[${i}].source`, `unknown source ${echo(citation.source)}: add it with addSource or importSource first`);
      else if (!source.text.includes(citation.quote))
        this.report(`${path}[${i}].quote`, `${echo(citation.quote)} does not occur verbatim in the text of source "${source.slug}"`);
      else resolved.push({ source, quote: citation.quote });
    }
    return resolved;
  }

  /** The row with this slug, or a problem naming the unknown slug. */
  async existing<T extends NodeEntity & { slug: string }>(type: { new (): T }, path: string, slug: string, what: string): Promise<T | null> {
    const repository = this.manager.getRepository(type);
    let row = await repository.findOneBy({ slug } as never);
    if (!row) {
      // A former slug names the row it now is.
      const current = (await formerSlugsIn(this.manager, repository.metadata.tableName, [slug])).get(slug);
      if (current !== undefined) row = await repository.findOneBy({ id: current } as never);
    }
    if (!row) this.report(path, `unknown ${what} ${echo(slug)}`);
    return row;
  }

  /** A problem when the slug is already used, today or formerly (a former slug keeps naming the row it moved to). */
  async unused(type: { new (): NodeEntity & { slug: string } }, path: string, slug: string, what: string, renamedId?: number): Promise<void> {
    const repository = this.manager.getRepository(type);
    if (await repository.existsBy({ slug } as never)) this.report(path, `${what} ${echo(slug)} already exists`);
    else await this.notFormer(repository.metadata.tableName, path, slug, renamedId);
  }

  /** Parties share one namespace of slugs. */
  async unusedPartySlug(path: string, slug: string, renamedId?: number): Promise<void> {
    const [row] = await runSql<{ party_type: PartyKind }>(this.manager, 'SELECT party_type FROM party WHERE slug = :slug', { slug });
    if (row) this.report(path, `${echo(slug)} is already taken by a ${partyLabel[row.party_type]}`);
    else await this.notFormer('party', path, slug, renamedId);
  }

  /** A former slug cannot be taken by another row (old links and documents would silently change meaning); the row it names may take it back. */
  async notFormer(tableName: string, path: string, slug: string, exceptId?: number): Promise<void> {
    const current = (await formerSlugsIn(this.manager, tableName, [slug])).get(slug);
    if (current !== undefined && current !== exceptId) this.report(path, `${echo(slug)} is a former slug, still naming the row it was changed or merged into`);
  }

  throwIfAny(): void {
    if (this.problems.length) throw invalidArguments(this.problems);
  }
}
