import { Basis } from '../../common/citation/attribution.enums';
import { echo } from '../../common/errors';
import { recordFormer, releaseFormerSlug } from '../../common/identity/former-slugs';
import { decodeGlobalId } from '../../common/node/global-id';
import type { NodeEntity } from '../../common/node/node.entity';
import { runSql } from '../../common/sql';
import { list, nameLine, object, optional, prose, quote, slug, type Shape } from '../../common/validation/rules';
import type { WriteDeclaration } from '../../common/writes/declarations';
import type { CitedSource, FactWriter } from '../../common/writes/fact-writer';
import type { WriteChecks } from '../../common/writes/write-checks';
import { nodeEntities } from '../../entities';
import { writeStatements } from '../field-statement/field-statement.writes';
import { PartyEntity } from '../party/party.entity';
import { partyClasses } from '../party/party.writes';
import type { AddPartyAliasInput, ChangeSlugInput, MarkNotSamePartyInput, MergePartiesInput, RemovePartyAliasInput } from './identity.input';
import { PartyDecision, PartyDecisionKind } from './party-decision.entity';
import { moveParty, partyNodeType } from './party-merge';

const reason = prose(2000);

/** A party as these writes need it: its row and its node type (`Company`). */
export interface PartyRow {
  id: number;
  slug: string;
  name: string;
  aliases: string[];
  nodeType: string;
}

/** The party an input names (today's slug or a former one), or a problem at `path`. */
async function partyOf(checks: WriteChecks, path: string, value: string): Promise<PartyRow | null> {
  const found = await checks.existing(PartyEntity as never, path, value, 'party');
  if (!found) return null;
  const [row] = await runSql<{ id: number; slug: string; name: string; aliases: string; party_type: string }>(
    checks.manager,
    'SELECT id, slug, name, aliases, party_type FROM party WHERE id = :id',
    { id: found.id },
  );
  return { id: Number(row.id), slug: row.slug, name: row.name, aliases: JSON.parse(row.aliases) as string[], nodeType: partyNodeType(row.party_type) };
}

/** Stores a decision (a new row each time: decisions are history). */
async function insertDecision(writer: FactWriter, values: Omit<PartyDecision, 'id' | 'nodeType' | 'globalId'>): Promise<PartyDecision> {
  const repository = writer.manager.getRepository(PartyDecision);
  const saved = await repository.save(repository.create(values));
  writer.count('party_decision');
  writer.changes.push({ op: 'INSERT', table: 'party_decision', rowId: saved.id, values: { ...values } });
  return saved;
}

/** The editor's decision that two parties are not the same, in either order (null: none). */
async function notSameDecision(checks: WriteChecks, a: number, b: number): Promise<{ reason: string; decided_by: string } | null> {
  const [row] = await runSql<{ reason: string; decided_by: string }>(
    checks.manager,
    `SELECT reason, decided_by FROM party_decision WHERE kind = 'NOT_SAME' AND ((party_id = :a AND other_party_id = :b) OR (party_id = :b AND other_party_id = :a))`,
    { a, b },
  );
  return row ?? null;
}

/** Statement of the aliases a write leaves, dated by the source it cites, or (an editor's own decision) by the day it is made. */
async function writeAliases(
  writer: FactWriter,
  party: PartyRow,
  aliases: string[],
  statement: { basis: Basis; quotes: string[]; note: string | null; source: CitedSource | null },
): Promise<PartyEntity> {
  const row = await writer.upsert<PartyEntity>(partyClasses[party.nodeType.toUpperCase() as keyof typeof partyClasses] as never, { id: party.id }, { aliases });
  const cited = { nodeType: party.nodeType, id: party.id };
  if (statement.source) await writer.cite(cited, statement.source, statement.quotes);
  const written = await writeStatements(
    writer,
    cited,
    [
      {
        field: 'aliases',
        basis: statement.basis,
        quotes: statement.quotes,
        note: statement.note,
        sourceId: statement.source?.id ?? null,
        knownSince: statement.source ? undefined : writer.recordedAt.slice(0, 10),
      },
    ],
    {},
  );
  // A STATED statement's quotes are cited for it, as every statement's are.
  if (statement.source) for (const s of written) await writer.cite({ nodeType: 'FieldProvenance', id: s.id }, statement.source, statement.quotes);
  return row;
}

interface MergeChecked {
  keep: PartyRow;
  absorb: PartyRow;
}

/** `mergeParties`: one party, two records. Everything in one transaction, audited, with the decision kept. */
export const mergeParties: WriteDeclaration<MergePartiesInput, PartyDecision, MergeChecked | null> = {
  action: 'mergeParties',
  rules: { keep: slug, absorb: slug, reason } satisfies Shape,
  check: async (input, checks) => {
    const keep = await partyOf(checks, 'keep', input.keep);
    const absorb = await partyOf(checks, 'absorb', input.absorb);
    if (!keep || !absorb) return null;
    if (keep.id === absorb.id) {
      const note = input.keep === input.absorb ? '' : ` (${echo(input.absorb)} was merged into ${echo(keep.slug)} already)`;
      checks.report('absorb', `a party cannot be merged into itself${note}`);
    } else if (keep.nodeType !== absorb.nodeType) {
      checks.report(
        'absorb',
        `${echo(absorb.slug)} is a ${absorb.nodeType.toLowerCase()}, ${echo(keep.slug)} a ${keep.nodeType.toLowerCase()}: only parties of one kind can be one party`,
      );
    } else {
      const decision = await notSameDecision(checks, keep.id, absorb.id);
      if (decision)
        checks.report('absorb', `${decision.decided_by} decided that ${echo(absorb.slug)} and ${echo(keep.slug)} are not the same (${echo(decision.reason)})`);
    }
    return { keep, absorb };
  },
  write: async (input, writer, checked) => {
    const { keep, absorb } = checked!;
    await moveParty(writer, { id: absorb.id, nodeType: absorb.nodeType }, { id: keep.id, nodeType: keep.nodeType });
    const names = [absorb.name, ...absorb.aliases].filter((name) => name !== keep.name && !keep.aliases.includes(name));
    const aliases = [...keep.aliases, ...new Set(names)];
    await runSql(writer.manager, 'DELETE FROM party WHERE id = :id', { id: absorb.id });
    writer.changes.push({
      op: 'DELETE',
      table: 'party',
      rowId: absorb.id,
      values: { slug: absorb.slug, name: absorb.name, party_type: absorb.nodeType.toUpperCase() },
    });
    writer.count('party');
    if (names.length) {
      await writeAliases(writer, keep, aliases, {
        basis: Basis.INFERRED,
        quotes: [],
        note: `${absorb.name} (${absorb.slug}) was merged into this party: ${input.reason}`,
        source: null,
      });
    }
    await recordFormer(writer.manager, {
      tableName: 'party',
      formerSlug: absorb.slug,
      formerId: absorb.id,
      currentId: keep.id,
      reason: input.reason,
      recordedAt: writer.recordedAt,
      recordedBy: writer.recordedBy,
    });
    return insertDecision(writer, {
      kind: PartyDecisionKind.MERGED,
      partyId: keep.id,
      otherPartyId: null,
      absorbedSlug: absorb.slug,
      absorbedName: absorb.name,
      absorbedId: absorb.id,
      reason: input.reason,
      decidedBy: writer.recordedBy,
      decidedAt: writer.recordedAt,
    });
  },
};

/** `markNotSameParty`: two parties that are different; party linking does not suggest the pair again. */
export const markNotSameParty: WriteDeclaration<MarkNotSamePartyInput, PartyDecision, [PartyRow, PartyRow] | null> = {
  action: 'markNotSameParty',
  rules: { party: slug, other: slug, reason },
  check: async (input, checks) => {
    const party = await partyOf(checks, 'party', input.party);
    const other = await partyOf(checks, 'other', input.other);
    if (!party || !other) return null;
    if (party.id === other.id) checks.report('other', `${echo(input.other)} is ${echo(party.slug)} itself`);
    else if (await notSameDecision(checks, party.id, other.id))
      checks.report('other', `${echo(party.slug)} and ${echo(other.slug)} are marked not the same already`);
    return [party, other];
  },
  write: async (input, writer, checked) => {
    const [party, other] = checked!;
    return insertDecision(writer, {
      kind: PartyDecisionKind.NOT_SAME,
      partyId: Math.min(party.id, other.id),
      otherPartyId: Math.max(party.id, other.id),
      absorbedSlug: null,
      absorbedName: null,
      absorbedId: null,
      reason: input.reason,
      decidedBy: writer.recordedBy,
      decidedAt: writer.recordedAt,
    });
  },
};

interface AliasChecked {
  party: PartyRow;
  sources: { source: CitedSource; quote: string }[];
}

/** `addPartyAlias`: another name, STATED by a quote that contains it, or INFERRED with a note. */
export const addPartyAlias: WriteDeclaration<AddPartyAliasInput, PartyEntity, AliasChecked | null> = {
  action: 'addPartyAlias',
  rules: {
    party: slug,
    alias: nameLine(200),
    citations: list(object({ source: slug, quote }), { min: 1, max: 20, tooFew: 'cite where the name is used' }),
    note: optional(reason),
  },
  check: async (input, checks) => {
    const party = await partyOf(checks, 'party', input.party);
    const sources = await checks.citations(input.citations);
    if (party && (party.name === input.alias || party.aliases.includes(input.alias)))
      checks.report('alias', `${echo(input.alias)} is already a name of ${echo(party.slug)}`);
    if (party && party.aliases.length >= 20) checks.report('alias', `${echo(party.slug)} has 20 aliases, the most a party may have`);
    const stated = input.citations.some((c) => c.quote.includes(input.alias));
    if (!stated && !input.note)
      checks.report(
        'citations',
        `no quote contains ${echo(input.alias)}: quote where the source uses the name, or give a note saying what it is inferred from`,
      );
    return party ? { party, sources } : null;
  },
  write: (input, writer, checked) => {
    const { party, sources } = checked!;
    const stating = sources.filter((s) => s.quote.includes(input.alias));
    const chosen = stating.length ? stating : sources;
    // One statement comes from one source: the latest cited one (a new name is known since then).
    const source = chosen[chosen.length - 1].source;
    return writeAliases(writer, party, [...party.aliases, input.alias], {
      basis: stating.length ? Basis.STATED : Basis.INFERRED,
      quotes: chosen.filter((s) => s.source.id === source.id).map((s) => s.quote),
      note: stating.length ? (input.note ?? null) : input.note!,
      source,
    });
  },
};

/** `removePartyAlias`: a name that is not the party's; the earlier statements stay as history. */
export const removePartyAlias: WriteDeclaration<RemovePartyAliasInput, PartyEntity, PartyRow | null> = {
  action: 'removePartyAlias',
  rules: { party: slug, alias: nameLine(200), reason },
  check: async (input, checks) => {
    const party = await partyOf(checks, 'party', input.party);
    if (party && !party.aliases.includes(input.alias)) checks.report('alias', `${echo(input.alias)} is not an alias of ${echo(party.slug)}`);
    return party;
  },
  write: (input, writer, party) =>
    writeAliases(
      writer,
      party!,
      party!.aliases.filter((a) => a !== input.alias),
      { basis: Basis.INFERRED, quotes: [], note: `${input.alias} removed: ${input.reason}`, source: null },
    ),
};

/** Node types whose slug may change: parties and slugged facts (a source's slug is its citations' key, kept). */
const FIXED_SLUGS = new Set(['Source', 'Citation', 'ApiKey', 'AuditEntry', 'PartyDecision']);

interface SlugChecked {
  entity: new () => NodeEntity & { slug: string };
  row: NodeEntity & { slug: string };
  table: string;
}

/** `changeSlug`: a party's or fact's new key; the old one is recorded and keeps resolving. */
export const changeSlug: WriteDeclaration<ChangeSlugInput, NodeEntity, SlugChecked | null> = {
  action: 'changeSlug',
  rules: { id: nameLine(200), slug, reason },
  check: async (input, checks) => {
    const { type, id } = decodeGlobalId(input.id);
    const entity = Object.hasOwn(nodeEntities, type) && !FIXED_SLUGS.has(type) ? (nodeEntities[type] as new () => NodeEntity & { slug: string }) : null;
    const repository = entity ? checks.manager.getRepository(entity) : null;
    if (!entity || !repository!.metadata.findColumnWithPropertyName('slug')) {
      checks.report('id', `a ${type} has no slug that can change`);
      return null;
    }
    const row = await repository!.findOneBy({ id } as never);
    if (!row) {
      checks.report('id', `no ${type} has this ID`);
      return null;
    }
    const table = repository!.metadata.tableName;
    if (row.slug === input.slug) checks.report('slug', `${echo(input.slug)} is its slug already`);
    else if (table === 'party') await checks.unusedPartySlug('slug', input.slug, row.id);
    else await checks.unused(entity, 'slug', input.slug, type, row.id);
    return { entity, row, table };
  },
  write: async (input, writer, checked) => {
    const { entity, row, table } = checked!;
    await releaseFormerSlug(writer.manager, table, input.slug);
    const renamed = await writer.upsert(entity, { id: row.id } as never, { slug: input.slug } as never);
    await recordFormer(writer.manager, {
      tableName: table,
      formerSlug: row.slug,
      formerId: null,
      currentId: row.id,
      reason: input.reason,
      recordedAt: writer.recordedAt,
      recordedBy: writer.recordedBy,
    });
    return renamed;
  },
};
