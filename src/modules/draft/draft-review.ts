import { BadUserInputError, echo } from '../../common/errors';
import { check, object } from '../../common/validation/rules';
import type { WriteDeclaration } from '../../common/writes/declarations';
import { invalidArguments, type WriteChecks } from '../../common/writes/write-checks';
import { joiningEntry } from '../dispute/dispute-membership';
import { Dispute } from '../dispute/dispute.entity';
import type { RequestContext } from '../../context';
import { runMutation } from '../mutation/mutation-runner';
import { importDocument } from '../source-import/source-import.service';
import { Source } from '../../common/citation/source.entity';
import { PartyEntity } from '../party/party.entity';
import { newPartyEntry } from './draft';
import { Draft, DraftDispute, DraftItem, DraftItemKind, DraftItemStatus, DraftMention, DraftStatus, MentionDecision } from './draft.entity';
import type { DraftItemEdit, LinkMentionInput } from './draft.input';
import { decideItems, decisionRules, draftIdOf, factOfKey, loadDecision, mentionIdOf, partyReferences, proposedSlug, relinked } from './draft.service';

interface Plan {
  document: Record<string, unknown> & { source: Record<string, unknown> };
  newEntries: number;
  updates: { declaration: WriteDeclaration<any, any>; entry: Record<string, unknown> }[];
  entries: Map<string, Record<string, unknown>>;
  /** The items whose disputes an editor changed, with the disputes they join. */
  disputes: Map<string, DraftDispute[]>;
}

/** The most disputes one item may join. */
const MAX_DISPUTES_PER_ITEM = 20;

/**
 * An editor's choice of disputes for a NEW item: each must be a stored dispute (a problem naming
 * the item otherwise); a proposed one keeps its reason, another is the editor's.
 */
async function editedDisputes(checks: WriteChecks, item: DraftItem, edit: { slugs: string[]; path: string }): Promise<DraftDispute[]> {
  if (edit.slugs.length > MAX_DISPUTES_PER_ITEM) {
    checks.report(edit.path, `${item.key}: at most ${MAX_DISPUTES_PER_ITEM} disputes`);
    return [];
  }
  const out: DraftDispute[] = [];
  for (const [i, slug] of edit.slugs.entries()) {
    const proposed = (item.disputes ?? []).find((d) => d.slug === slug);
    const stored = proposed ? null : await checks.manager.getRepository(Dispute).findOneBy({ slug: String(slug).slice(0, 200) });
    if (out.some((d) => d.slug === slug)) checks.report(`${edit.path}[${i}]`, `${item.key}: ${echo(slug)} is named twice`);
    else if (proposed) out.push(proposed);
    else if (!stored) checks.report(`${edit.path}[${i}]`, `${item.key}: no dispute ${echo(slug)}`);
    else out.push({ slug: stored.slug, title: stored.title, why: 'chosen by an editor in review' });
  }
  return out;
}

/**
 * Checks the items named and builds what accepting them writes: a source document of the draft's
 * source with the NEW items (and the new parties they name), and the status updates. Writes nothing.
 */
const planAcceptance: WriteDeclaration<{ draft: number; items: string[]; edits: DraftItemEdit[] }, Plan, Plan> = {
  action: 'acceptDraftItems',
  rules: null,
  check: async (input, checks) => {
    const { draft, items, problems } = await loadDecision(checks.manager, input);
    for (const problem of problems) checks.report(problem.path, problem.message);
    const edits = new Map<string, Record<string, unknown>>();
    const disputeEdits = new Map<string, { slugs: string[]; path: string }>();
    const seenEdits = new Set<string>();
    input.edits.forEach((edit, i) => {
      if (!input.items.includes(edit.item)) checks.report(`edits[${i}].item`, `${JSON.stringify(edit.item)} is not among the items accepted`);
      else if (seenEdits.has(edit.item)) checks.report(`edits[${i}].item`, `${JSON.stringify(edit.item)} is edited twice`);
      else {
        seenEdits.add(edit.item);
        if (edit.entry != null) edits.set(edit.item, edit.entry);
        if (edit.disputes != null) disputeEdits.set(edit.item, { slugs: edit.disputes, path: `edits[${i}].disputes` });
      }
    });
    const source = await checks.manager.getRepository(Source).findOneByOrFail({ id: draft.sourceId });
    const mentions = await checks.manager.getRepository(DraftMention).findBy({ draftId: draft.id });
    // A new party's name: the longest of the names that share its slug ("Kestrel Microsystems", not "Microsystems").
    const newParties = new Map<string, DraftMention>();
    for (const m of mentions) if (!m.linked && (newParties.get(m.slug)?.name.length ?? 0) < m.name.length) newParties.set(m.slug, m);
    const document: Plan['document'] = { source: { ...draft.source, text: source.text } };
    const parties = new Map<string, Record<string, unknown>>();
    const updates: Plan['updates'] = [];
    // The disputes the NEW items join, each once: the facts joining it and the sentences that say so.
    const joins = new Map<string, { facts: { type: string; slug: string }[]; quotes: string[] }>();
    const chosen = new Map<string, DraftDispute[]>();
    let newEntries = 0;
    for (const item of items) {
      const entry = edits.get(item.key) ?? item.entry;
      const disputeEdit = disputeEdits.get(item.key);
      if (item.kind === DraftItemKind.UPDATE) {
        const declaration = factOfKey(item.documentKey)?.cues?.statusUpdate;
        if (!declaration) checks.report(`items`, `${item.key}: ${item.typeName} has no status update`);
        else updates.push({ declaration, entry });
        if (disputeEdit?.slugs.length)
          checks.report(disputeEdit.path, `${item.key}: an update of a stored fact joins no dispute (the stored fact's disputes stay)`);
        continue;
      }
      newEntries += 1;
      ((document[item.documentKey] ??= []) as unknown[]).push(entry);
      for (const ref of partyReferences(item.documentKey, entry)) {
        const mention = newParties.get(ref.slug);
        if (mention && !parties.has(ref.slug)) parties.set(ref.slug, newPartyEntry(source.text, mention));
      }
      const disputes = disputeEdit ? await editedDisputes(checks, item, disputeEdit) : (item.disputes ?? []);
      if (disputeEdit) chosen.set(item.key, disputes);
      for (const dispute of disputes) {
        const join = joins.get(dispute.slug) ?? { facts: [], quotes: [] };
        joins.set(dispute.slug, join);
        join.facts.push({ type: item.typeName, slug: String(entry.slug) });
        if (!join.quotes.includes(item.quote)) join.quotes.push(item.quote);
      }
    }
    if (parties.size) document.parties = [...parties.values()];
    // Each joined dispute as the document's `disputes` entry, validated and written by the dispute's own declaration.
    for (const [slug, join] of joins) {
      const entry = await joiningEntry(checks.manager, slug, join.facts, join.quotes);
      if (!entry) checks.report('items', `the dispute ${JSON.stringify(slug)} an item joins no longer exists`);
      else ((document.disputes ??= []) as unknown[]).push(entry);
    }
    return { document, newEntries, updates, entries: edits, disputes: chosen };
  },
  write: async (_input, _writer, plan) => plan,
  audit: () => null,
};

/**
 * Accepts items of a draft, all or nothing, in the operation's one transaction: the NEW items as
 * one source document through the importer (the same rules, citations, statements and audit as
 * importSource), each UPDATE through its fact type's status update, then the decision itself.
 */
export async function acceptDraftItems(ctx: RequestContext, draftId: string, items: string[], edits: DraftItemEdit[]): Promise<Draft> {
  const draft = draftIdOf(draftId);
  const problems = check(object({ items: decisionRules.items }), { items });
  if (problems.length) throw invalidArguments(problems);
  const plan = await runMutation(ctx, planAcceptance, { draft, items, edits });
  if (plan.newEntries) await runMutation(ctx, importDocument('acceptDraftItems'), plan.document as never);
  for (const update of plan.updates) await runMutation(ctx, update.declaration, update.entry);
  return runMutation(ctx, decideItems, { draft, items, status: DraftItemStatus.ACCEPTED, entries: plan.entries, disputes: plan.disputes });
}

export async function rejectDraftItems(ctx: RequestContext, draftId: string, items: string[], reason: string): Promise<Draft> {
  const draft = draftIdOf(draftId);
  const problems = check(object(decisionRules), { items, reason });
  if (!reason.trim()) problems.push({ path: 'reason', message: 'is required: say why the items are rejected' });
  if (problems.length) throw invalidArguments(problems);
  return runMutation(ctx, { ...decideItems, action: 'rejectDraftItems' }, { draft, items, status: DraftItemStatus.REJECTED, reason });
}

/** Links a name to a stored party or makes it a new one; the draft's pending items follow it. */
export const linkMention: WriteDeclaration<{ mention: number; party: string | null; asNew: boolean }, DraftMention, { mention: DraftMention; slug: string }> = {
  action: 'linkMention',
  rules: null,
  check: async (input, checks) => {
    const mention = await checks.manager.getRepository(DraftMention).findOneBy({ id: input.mention });
    if (!mention) throw new BadUserInputError('unknown mention', { argument: 'mention' });
    const draft = await checks.manager.getRepository(Draft).findOneByOrFail({ id: mention.draftId });
    if (draft.status === DraftStatus.REVIEWED) checks.report('mention', 'its draft is reviewed: every item is decided');
    if ((input.party == null) === !input.asNew) checks.report('party', 'give exactly one of party and asNew: true');
    let slug = input.party ?? '';
    if (input.party != null) await checks.parties([{ path: 'party', slug: input.party }]);
    else if (!mention.linked)
      slug = mention.slug; // already proposed as new: its slug stays
    else {
      const others = await checks.manager.getRepository(DraftMention).findBy({ draftId: mention.draftId });
      const taken = new Set(others.filter((m) => m.slug !== mention.slug).map((m) => m.slug));
      for (let tries = 0; tries < 100; tries++) {
        slug = proposedSlug(mention.name, taken);
        if (!(await checks.manager.getRepository(PartyEntity).existsBy({ slug }))) break;
        taken.add(slug);
      }
    }
    return { mention, slug };
  },
  write: async (input, writer, { mention, slug }) => {
    const items = await writer.manager.getRepository(DraftItem).findBy({ draftId: mention.draftId, status: DraftItemStatus.PENDING });
    for (const item of items) {
      if (item.kind !== DraftItemKind.NEW || mention.slug === slug) continue;
      const entry = relinked(item.documentKey, item.entry, mention.slug, slug);
      if (JSON.stringify(entry) !== JSON.stringify(item.entry)) await writer.upsert(DraftItem, { id: item.id }, { entry });
    }
    return writer.upsert(
      DraftMention,
      { id: mention.id },
      {
        slug,
        linked: input.party ? { slug: input.party, rule: 'EDITOR', score: 1 } : null,
        decision: input.party ? MentionDecision.LINKED : MentionDecision.NEW,
      },
    );
  },
  audit: (mention) => ({ subject: mention.globalId }),
};

export function linkMentionInput(input: LinkMentionInput) {
  return { mention: mentionIdOf(input.mention), party: input.party ?? null, asNew: input.asNew === true };
}
