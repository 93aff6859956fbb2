import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { BadUserInputError, RequestTimeoutError } from '../../common/errors';
import type { NodeEntity } from '../../common/node/node.entity';
import { runSql } from '../../common/sql';
import type { RequestContext } from '../../context';
import type { Database } from '../../database';
import { actorOf, appendAudit } from '../audit/audit.service';
import type { CreateAuthorityInput, CreateCompanyInput, CreatePersonInput, UpdateAuthorityInput, UpdateCompanyInput, UpdatePersonInput } from '../party/party.input';
import type { EventDoc, LawsuitDoc } from '../source-import/source-document';
import { date, FactWriter, partyClasses, type CitedSource } from '../source-import/fact-writer';
import { PartyRole } from '../lawsuit/lawsuit.enums';
import type { FileLawsuitInput, UpdateLawsuitStatusInput } from '../lawsuit/lawsuit.input';
import { Lawsuit } from '../lawsuit/lawsuit.entity';
import type { RecordNegotiationInput } from '../negotiation/negotiation.input';
import { LicensingNegotiation } from '../negotiation/licensing-negotiation.entity';
import type { PartyEntity, PartyType } from '../party/party.entity';
import type { RecordRegulatoryActionInput } from '../regulatory-action/regulatory-action.input';
import { RegulatoryAction } from '../regulatory-action/regulatory-action.entity';
import type { RecordSanctionInput } from '../sanction/sanction.input';
import { Sanction } from '../sanction/sanction.entity';
import type { CitationInput } from '../source/citation.input';
import type { AddSourceInput } from '../source/source.input';
import { Source } from '../source/source.entity';
import type { RecordStatementInput } from '../statement/statement.input';
import { Statement } from '../statement/statement.entity';
import { Event } from '../event/event.entity';
import type { RecordEventInput } from '../event/event.input';
import { SourceImportService } from '../source-import/source-import.service';
import type { ImportReport as ImportReportType } from '../source-import/import-report.type';
import type { SourceDocument } from '../source-import/source-document';

type Slugged = { new (): NodeEntity & { slug: string } };
const ANY_PARTY: PartyType[] = ['COMPANY', 'PERSON', 'AUTHORITY'] as PartyType[];
const label: Record<PartyType, string> = { COMPANY: 'company', PERSON: 'person', AUTHORITY: 'authority' };

/**
 * What a mutation checks beyond the shape of its input (class-validator does that): that the
 * slugs it names exist (or, for a new object, are free) and that every quote occurs verbatim in
 * its source. Every problem is collected, then reported together as one BAD_USER_INPUT error.
 */
class WriteChecks {
  private readonly problems = new Map<string, string[]>();
  private readonly sources = new Map<string, Source | null>();

  constructor(
    private readonly manager: EntityManager,
    private readonly writer: FactWriter,
  ) {}

  report(field: string, problem: string) {
    this.problems.set(field, [...(this.problems.get(field) ?? []), problem]);
  }

  /** Looks up every referenced party in one query; names each unknown one and each of the wrong type. */
  async parties(refs: { field: string; slug: string | null | undefined; types?: PartyType[] }[]): Promise<void> {
    const slugs = [...new Set(refs.map((ref) => ref.slug).filter((slug): slug is string => !!slug))];
    const rows = slugs.length
      ? await runSql<{ id: number; slug: string; party_type: PartyType }>(this.manager, 'SELECT id, slug, party_type FROM party WHERE slug IN (:...slugs)', { slugs })
      : [];
    const found = new Map(rows.map((row) => [row.slug, row]));
    for (const { field, slug, types = ANY_PARTY } of refs) {
      if (!slug) continue;
      const row = found.get(slug);
      if (!row) this.report(field, `unknown party "${slug}"`);
      else if (!types.includes(row.party_type)) this.report(field, `"${slug}" is a ${label[row.party_type]}, expected ${types.map((t) => label[t]).join(' or ')}`);
      else this.writer.partyIds.set(slug, Number(row.id));
    }
  }

  /** The stored source of each citation, checking that its quote occurs verbatim in the source text. */
  async citations(citations: CitationInput[]): Promise<{ source: CitedSource; quote: string }[]> {
    const resolved: { source: CitedSource; quote: string }[] = [];
    for (const [i, citation] of citations.entries()) {
      if (!this.sources.has(citation.source)) {
        this.sources.set(citation.source, await this.manager.getRepository(Source).findOne({ where: { slug: citation.source }, select: { id: true, slug: true, text: true } }));
      }
      const source = this.sources.get(citation.source);
      if (!source) this.report(`citations.${i}.source`, `unknown source "${citation.source}": add it with addSource or importSource first`);
      else if (!source.text.includes(citation.quote)) this.report(`citations.${i}.quote`, `"${citation.quote}" does not occur verbatim in the text of source "${source.slug}"`);
      else resolved.push({ source, quote: citation.quote });
    }
    return resolved;
  }

  /** The row with this slug, or a problem naming the unknown slug. */
  async existing<T extends NodeEntity & { slug: string }>(type: { new (): T }, field: string, slug: string, what: string): Promise<T | null> {
    const row = await this.manager.getRepository(type).findOneBy({ slug } as never);
    if (!row) this.report(field, `unknown ${what} "${slug}"`);
    return row;
  }

  /** A problem when the slug is already used (parties share one namespace). */
  async unused(type: Slugged, field: string, slug: string, what: string): Promise<void> {
    if (await this.manager.getRepository(type).existsBy({ slug } as never)) this.report(field, `${what} "${slug}" already exists`);
  }

  async unusedPartySlug(field: string, slug: string): Promise<void> {
    const [row] = await runSql<{ party_type: PartyType }>(this.manager, 'SELECT party_type FROM party WHERE slug = :slug', { slug });
    if (row) this.report(field, `"${slug}" is already taken by a ${label[row.party_type]}`);
  }

  throwIfAny(): void {
    if (this.problems.size === 0) return;
    const invalidArguments = [...this.problems].map(([field, problems]) => ({ field, problems }));
    throw new BadUserInputError(`Invalid arguments: ${invalidArguments.map((i) => `${i.field}: ${i.problems.join('; ')}`).join(' | ')}`, { invalidArguments });
  }
}

type Work<T> = (writer: FactWriter, checks: WriteChecks) => Promise<T>;

/**
 * Every mutation: one write transaction (all or nothing), checks first, then the writes through
 * the same FactWriter the importer uses, each fact cited, and one audit entry.
 */
export class EditService {
  constructor(private readonly database: Database) {}

  private edit<T extends NodeEntity>(ctx: RequestContext, action: string, work: Work<T>): Promise<T> {
    const viewer = ctx.viewer!; // @Authorized has checked it
    return this.database.write(async (manager) => {
      const writer = new FactWriter(manager);
      const row = await work(writer, new WriteChecks(manager, writer));
      // A request that ran out of time must not commit behind its client's back.
      if (ctx.signal.aborted) throw new RequestTimeoutError(ctx.timeoutMs);
      await appendAudit(manager, actorOf(viewer), { action, subject: row.globalId, changes: writer.changes });
      return row;
    });
  }

  private async cite(writer: FactWriter, row: { nodeType: string; id: number }, citations: { source: CitedSource; quote: string }[]) {
    for (const { source, quote } of citations) await writer.cite(row, source, [quote]);
  }

  createParty(ctx: RequestContext, type: PartyType, input: CreateCompanyInput | CreatePersonInput | CreateAuthorityInput): Promise<PartyEntity> {
    return this.edit(ctx, `create${type[0]}${type.slice(1).toLowerCase()}`, async (writer, checks) => {
      await checks.unusedPartySlug('slug', input.slug);
      const citations = await checks.citations(input.citations);
      checks.throwIfAny();
      const row = await writer.writeParty({ type, ...(input as CreateCompanyInput & CreateAuthorityInput), aliases: input.aliases ?? [] });
      await this.cite(writer, row, citations);
      return row;
    });
  }

  updateParty(ctx: RequestContext, type: PartyType, input: UpdateCompanyInput | UpdatePersonInput | UpdateAuthorityInput): Promise<PartyEntity> {
    return this.edit(ctx, `update${type[0]}${type.slice(1).toLowerCase()}`, async (writer, checks) => {
      const partyClass = partyClasses[type as keyof typeof partyClasses];
      const existing = await checks.existing<PartyEntity>(partyClass as never, 'slug', input.slug, label[type]);
      const citations = await checks.citations(input.citations);
      checks.throwIfAny();
      const { slug, citations: _citations, ...fields } = input as UpdateCompanyInput & UpdateAuthorityInput;
      // Only the fields given change; `aliases: null` clears the list.
      const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined).map(([key, value]) => [key, key === 'aliases' ? (value ?? []) : value]));
      if (changes.kind === null) delete changes.kind;
      const row = await writer.upsert<PartyEntity>(partyClass, { slug }, changes as Partial<PartyEntity>);
      await this.cite(writer, row ?? existing, citations);
      return row;
    });
  }

  fileLawsuit(ctx: RequestContext, input: FileLawsuitInput): Promise<Lawsuit> {
    return this.edit(ctx, 'fileLawsuit', async (writer, checks) => {
      await checks.unused(Lawsuit, 'slug', input.slug, 'lawsuit');
      const sides = new Set(input.parties.map((p) => p.role));
      if (!sides.has(PartyRole.PLAINTIFF) || !sides.has(PartyRole.DEFENDANT)) checks.report('parties', 'must list at least one PLAINTIFF and one DEFENDANT');
      await checks.parties(input.parties.map((p, i) => ({ field: `parties.${i}.party`, slug: p.party })));
      const challenged = input.challenges ? await checks.existing(RegulatoryAction, 'challenges', input.challenges, 'regulatory action') : null;
      const citations = await checks.citations(input.citations);
      checks.throwIfAny();
      const doc: Omit<LawsuitDoc, 'quotes'> = {
        ...input,
        technologies: input.technologies ?? [],
        plaintiffs: input.parties.filter((p) => p.role === PartyRole.PLAINTIFF).map((p) => p.party),
        defendants: input.parties.filter((p) => p.role === PartyRole.DEFENDANT).map((p) => p.party),
      };
      const row = await writer.writeLawsuit(doc, challenged?.id ?? null);
      await this.cite(writer, row, citations);
      return row;
    });
  }

  updateLawsuitStatus(ctx: RequestContext, input: UpdateLawsuitStatusInput): Promise<Lawsuit> {
    return this.edit(ctx, 'updateLawsuitStatus', async (writer, checks) => {
      await checks.existing(Lawsuit, 'slug', input.slug, 'lawsuit');
      const citations = await checks.citations(input.citations);
      checks.throwIfAny();
      const row = await writer.upsert(Lawsuit, { slug: input.slug }, { status: input.status });
      await this.cite(writer, row, citations);
      return row;
    });
  }

  recordSanction(ctx: RequestContext, input: RecordSanctionInput): Promise<Sanction> {
    return this.edit(ctx, 'recordSanction', async (writer, checks) => {
      await checks.unused(Sanction, 'slug', input.slug, 'sanction');
      await checks.parties([
        { field: 'target', slug: input.target },
        { field: 'authority', slug: input.authority, types: ['AUTHORITY' as PartyType] },
      ]);
      const citations = await checks.citations(input.citations);
      checks.throwIfAny();
      const row = await writer.writeSanction(input);
      await this.cite(writer, row, citations);
      return row;
    });
  }

  recordRegulatoryAction(ctx: RequestContext, input: RecordRegulatoryActionInput): Promise<RegulatoryAction> {
    return this.edit(ctx, 'recordRegulatoryAction', async (writer, checks) => {
      await checks.unused(RegulatoryAction, 'slug', input.slug, 'regulatory action');
      await checks.parties([
        { field: 'authority', slug: input.authority, types: ['AUTHORITY' as PartyType] },
        { field: 'subject', slug: input.subject },
      ]);
      const citations = await checks.citations(input.citations);
      checks.throwIfAny();
      const row = await writer.writeRegulatoryAction(input);
      await this.cite(writer, row, citations);
      return row;
    });
  }

  recordNegotiation(ctx: RequestContext, input: RecordNegotiationInput): Promise<LicensingNegotiation> {
    return this.edit(ctx, 'recordNegotiation', async (writer, checks) => {
      await checks.unused(LicensingNegotiation, 'slug', input.slug, 'negotiation');
      await checks.parties(input.parties.map((slug, i) => ({ field: `parties.${i}`, slug })));
      const citations = await checks.citations(input.citations);
      checks.throwIfAny();
      const row = await writer.writeNegotiation(input);
      await this.cite(writer, row, citations);
      return row;
    });
  }

  recordStatement(ctx: RequestContext, input: RecordStatementInput): Promise<Statement> {
    return this.edit(ctx, 'recordStatement', async (writer, checks) => {
      await checks.unused(Statement, 'slug', input.slug, 'statement');
      await checks.parties([{ field: 'speaker', slug: input.speaker }]);
      const citations = await checks.citations(input.citations);
      checks.throwIfAny();
      const row = await writer.writeStatement(input);
      await this.cite(writer, row, citations);
      return row;
    });
  }

  recordEvent(ctx: RequestContext, input: RecordEventInput): Promise<Event> {
    return this.edit(ctx, 'recordEvent', async (writer, checks) => {
      await checks.unused(Event, 'slug', input.slug, 'event');
      await checks.parties(input.participants.map((slug, i) => ({ field: `participants.${i}`, slug })));
      const citations = await checks.citations(input.citations);
      checks.throwIfAny();
      const row = await writer.writeEvent(input as Omit<EventDoc, 'quotes'>);
      await this.cite(writer, row, citations);
      return row;
    });
  }

  addSource(ctx: RequestContext, input: AddSourceInput): Promise<Source> {
    return this.edit(ctx, 'addSource', async (writer, checks) => {
      await checks.unused(Source, 'slug', input.slug, 'source');
      checks.throwIfAny();
      const { slug, title, publisher, publishedOn, url, text } = input;
      const contentHash = createHash('sha256').update(JSON.stringify({ source: { slug, title, publisher, publishedOn, url: url ?? null, text } })).digest('hex');
      return writer.upsert(Source, { slug }, { title, publisher, publishedOn: date(publishedOn)!, url: url ?? null, text, contentHash });
    });
  }

  /** A whole source document, validated and written like `npm run import` does, in this request's transaction. */
  importSource(ctx: RequestContext, document: Record<string, unknown>): Promise<ImportReportType> {
    const viewer = ctx.viewer!;
    return this.database.write(async (manager) => {
      const report = await new SourceImportService(this.database.writer).importIn(manager, document as unknown as SourceDocument, {
        actor: { ...actorOf(viewer), action: 'importSource' },
      });
      if (ctx.signal.aborted) throw new RequestTimeoutError(ctx.timeoutMs);
      return { ...report, written: Object.entries(report.written).map(([table, rows]) => ({ table, rows })) };
    });
  }
}
