import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Source } from '../../common/citation/source.entity';
import { MissingRecordError } from '../../common/errors';
import { FuzzyDate } from '../../common/fuzzy-date/fuzzy-date';
import { ConnectionType } from '../../common/pagination/connection.type';
import { decodeCursor, encodeCursor, toConnection } from '../../common/pagination/paginate';
import { InvalidCursorError } from '../../common/errors';
import { PRICES, priced } from '../../common/prices';
import { Role } from '../../common/role.enum';
import type { RequestContext } from '../../context';
import { runMutation } from '../mutation/mutation-runner';
import { AddSourceInput } from '../source/source.input';
import { acceptDraftItems, linkMention, linkMentionInput, rejectDraftItems } from './draft-review';
import { Draft, DraftDate, DraftItem, DraftItemStatus, DraftMention } from './draft.entity';
import { DraftItemEdit, DraftsArgs, LinkMentionInput } from './draft.input';
import { draftIdOf, extractDraft, storeDraft } from './draft.service';
import { documentOf } from './draft';

export const DraftConnection = ConnectionType(Draft, 'Draft');

@Resolver(() => Draft)
export class DraftResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Draft, {
    complexity: priced(PRICES.draft),
    description:
      'Stores a report as a source (its text immutable) and drafts its facts for review: names linked to stored parties, dates, candidate facts and updates of stored ones. Nothing of the draft is visible to readers until accepted (editors).',
  })
  async draftSource(@Arg('input') input: AddSourceInput, @Ctx() ctx: RequestContext) {
    const { content, ms } = await extractDraft(ctx.loaders.reader, input, ctx.signal, ctx.draftDeadlineMs);
    return runMutation(ctx, storeDraft, { input, content, ms });
  }

  @Authorized(Role.EDITOR)
  @Query(() => DraftConnection, { description: 'Drafts, newest first (editors).' })
  async drafts(@Args() args: DraftsArgs, @Ctx() { loaders }: RequestContext) {
    const { reader } = loaders;
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    if (args.status) {
      conditions.push('status = ?');
      parameters.push(args.status);
    }
    const counted = [...conditions];
    const countParameters = [...parameters];
    if (args.after != null) {
      const before = Number(decodeCursor(args.after));
      if (!Number.isInteger(before)) throw new InvalidCursorError(args.after);
      conditions.push('id < ?');
      parameters.push(before);
    }
    const page = await reader.select(Draft, conditions, [...parameters, args.first + 1], 'ORDER BY id DESC LIMIT ?');
    return toConnection(
      page,
      args,
      (node) => encodeCursor(String(node.id)),
      () => reader.count(Draft, counted, countParameters, loaders.longRead),
    );
  }

  @Authorized(Role.EDITOR)
  @Query(() => Draft, { nullable: true, description: 'A draft by ID; null when unknown (editors).' })
  async draft(@Arg('id', () => ID) id: string, @Ctx() { loaders }: RequestContext) {
    const [draft] = await loaders.reader.select(Draft, ['id = ?'], [draftIdOf(id, 'id')]);
    return draft ?? null;
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Draft, {
    description:
      'Accepts items of a draft, all or nothing: new facts are written as a source document (the same rules as importSource), updates as new status statements; `edits` correct entries first (editors).',
  })
  acceptDraftItems(
    @Arg('draft', () => ID) draft: string,
    @Arg('items', () => [String]) items: string[],
    @Arg('edits', () => [DraftItemEdit], { nullable: true }) edits: DraftItemEdit[] | null,
    @Ctx() ctx: RequestContext,
  ) {
    return acceptDraftItems(ctx, draft, items, edits ?? []);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Draft, { description: 'Rejects items of a draft, saying why; nothing is written to the facts (editors).' })
  rejectDraftItems(
    @Arg('draft', () => ID) draft: string,
    @Arg('items', () => [String]) items: string[],
    @Arg('reason') reason: string,
    @Ctx() ctx: RequestContext,
  ) {
    return rejectDraftItems(ctx, draft, items, reason);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => DraftMention, {
    description: 'Links a name of a draft to a stored party, or makes it a new party; the draft’s pending items follow (editors).',
  })
  linkMention(@Arg('input') input: LinkMentionInput, @Ctx() ctx: RequestContext) {
    return runMutation(ctx, linkMention, linkMentionInput(input));
  }

  @FieldResolver(() => Source)
  async source(@Root() draft: Draft, @Ctx() { loaders }: RequestContext) {
    const source = await loaders.byId(Source).load(draft.sourceId);
    if (!source) throw new MissingRecordError('Source', draft.sourceId);
    return source;
  }

  @FieldResolver(() => [DraftItem], { description: 'Its items in text order; only those in `status` when given.' })
  items(@Root() draft: Draft, @Arg('status', () => DraftItemStatus, { nullable: true }) status: DraftItemStatus | null, @Ctx() { loaders }: RequestContext) {
    return loaders.reader.select(DraftItem, ['draft_id = ?', ...(status ? ['status = ?'] : [])], [draft.id, ...(status ? [status] : [])], 'ORDER BY id');
  }

  @FieldResolver(() => Int, { description: 'How many items await a decision.' })
  async pendingCount(@Root() draft: Draft, @Ctx() { loaders }: RequestContext) {
    const [row] = await loaders.reader.query<{ n: number }>('SELECT COUNT(*) AS n FROM draft_item WHERE draft_id = ? AND status = ?', [
      draft.id,
      DraftItemStatus.PENDING,
    ]);
    return Number(row?.n ?? 0);
  }

  @FieldResolver(() => [DraftMention], { description: 'The names of the report, in order of first occurrence.' })
  mentions(@Root() draft: Draft, @Ctx() { loaders }: RequestContext) {
    return loaders.reader.select(DraftMention, ['draft_id = ?'], [draft.id], 'ORDER BY id');
  }

  @FieldResolver(() => [DraftDate], { description: 'The date phrases of the report, resolved against its publication date.' })
  dates(@Root() draft: Draft): DraftDate[] {
    return draft.dates.map((d) => ({ phrase: d.phrase, start: d.start, end: d.end, date: FuzzyDate.parse(d.date), note: d.note }));
  }

  @FieldResolver(() => GraphQLJSONObject, {
    description: 'The draft as a source document in the import format: the source, new parties, and the NEW items not rejected, corrections applied.',
  })
  async document(@Root() draft: Draft, @Ctx() { loaders }: RequestContext) {
    const [items, mentions, source] = await Promise.all([
      loaders.reader.select(DraftItem, ['draft_id = ?', 'status <> ?'], [draft.id, DraftItemStatus.REJECTED], 'ORDER BY id'),
      loaders.reader.select(DraftMention, ['draft_id = ?'], [draft.id], 'ORDER BY id'),
      loaders.byId(Source).load(draft.sourceId),
    ]);
    return documentOf(
      { ...draft.source, text: source?.text ?? '' },
      mentions.map((m) => ({
        key: m.key,
        name: m.name,
        spans: m.spans,
        kind: m.kind as never,
        slug: m.slug,
        link: { party: m.linked as never, alternatives: [], proposed: null },
      })),
      items.map((item) => ({ kind: item.kind, documentKey: item.documentKey, entry: item.entry }) as never),
    );
  }
}
