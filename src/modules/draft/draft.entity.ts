import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { NodeEntity } from '../../common/node/node.entity';
import { FuzzyDate } from '../../common/fuzzy-date/fuzzy-date';

export enum DraftStatus {
  OPEN = 'OPEN',
  REVIEWED = 'REVIEWED',
}
registerEnumType(DraftStatus, {
  name: 'DraftStatus',
  description: 'A draft is OPEN while any of its items awaits a decision, REVIEWED once each is accepted or rejected.',
});

export enum DraftItemStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}
registerEnumType(DraftItemStatus, { name: 'DraftItemStatus' });

export enum DraftItemKind {
  NEW = 'NEW',
  UPDATE = 'UPDATE',
}
registerEnumType(DraftItemKind, {
  name: 'DraftItemKind',
  valuesConfig: {
    NEW: { description: 'A fact the store does not hold: an entry of the draft’s source document.' },
    UPDATE: { description: 'A new statement of a stored fact’s status (the report speaks of a fact the store holds).' },
  },
});

export enum MentionDecision {
  SUGGESTED = 'SUGGESTED',
  LINKED = 'LINKED',
  NEW = 'NEW',
}
registerEnumType(MentionDecision, {
  name: 'MentionDecision',
  valuesConfig: {
    SUGGESTED: { description: 'As the engine linked or proposed it; no editor has decided.' },
    LINKED: { description: 'An editor linked it to a stored party.' },
    NEW: { description: 'An editor made it a new party.' },
  },
});

/**
 * A report read by the drafting engine, awaiting review: what it proposes is visible to editors
 * only, and reaches the store only through `acceptDraftItems`. Its source is stored as any source.
 */
@Entity('draft')
@ObjectType('Draft', { description: 'A report’s proposed facts and names, for editors to review (editors only).' })
export class Draft extends NodeEntity {
  get nodeType() {
    return 'Draft';
  }

  @Field(() => ID, { name: 'id' })
  get draftId(): string {
    return this.globalId;
  }

  @Index()
  @Column('integer')
  sourceId: number;

  @Field(() => DraftStatus)
  @Index()
  @Column('varchar', { length: 16 })
  status: DraftStatus;

  @Field({ description: 'ISO 8601 timestamp.' })
  @Column('varchar', { length: 32 })
  createdAt: string;

  @Field({ description: 'The API key’s name, or the command, that drafted it.' })
  @Column('varchar', { length: 100 })
  createdBy: string;

  /** The source's fields as drafted (slug, title, publisher, publishedOn, url; the text is the stored source's). */
  @Column('simple-json')
  source: { slug: string; title: string; publisher: string; publishedOn: string; url: string | null };

  /** Date phrases of the text, resolved: `{ phrase, start, end, date, note }`. */
  @Column('simple-json')
  dates: { phrase: string; start: number; end: number; date: string; note: string }[];

  @Field(() => Int, { description: 'Milliseconds the engine took to read the report.' })
  @Column('integer')
  extractionMs: number;
}

@ObjectType('DraftDispute', { description: 'A stored dispute a drafted new fact joins, and why.' })
export class DraftDispute {
  @Field({ description: 'The dispute’s slug (`dispute(slug:)`).' })
  slug: string;

  @Field()
  title: string;

  @Field({ description: 'Why the fact belongs to it (which of its parties are on which side), or that an editor chose it.' })
  why: string;
}

@Entity('draft_item')
@Index(['draftId', 'key'], { unique: true })
@ObjectType('DraftItem', { description: 'One candidate fact of a draft: a new fact, or a new statement of a stored fact’s status.' })
export class DraftItem extends NodeEntity {
  get nodeType() {
    return 'DraftItem';
  }

  @Field(() => ID, { name: 'id' })
  get itemId(): string {
    return this.globalId;
  }

  @Column('integer')
  draftId: number;

  @Field({ description: '`i1`, `i2`…: what acceptDraftItems and rejectDraftItems name.' })
  @Column('varchar', { length: 16 })
  key: string;

  @Field(() => DraftItemKind)
  @Column('varchar', { length: 16 })
  kind: DraftItemKind;

  @Field(() => DraftItemStatus)
  @Column('varchar', { length: 16 })
  status: DraftItemStatus;

  @Field({ description: 'The fact type (`Lawsuit`).' })
  @Column('varchar', { length: 64 })
  typeName: string;

  @Field({ description: 'The source document’s list it belongs to (`lawsuits`).' })
  @Column('varchar', { length: 64 })
  documentKey: string;

  @Field({ description: 'The cue pattern that found it (`lawsuit.settled`).' })
  @Column('varchar', { length: 64 })
  cue: string;

  @Field({ description: 'The sentence it comes from, verbatim.' })
  @Column('text')
  quote: string;

  @Field(() => Int, { description: 'Offset of the quote in the source text (UTF-16 code units).' })
  @Column('integer')
  start: number;

  @Field(() => Int)
  @Column('integer')
  end: number;

  @Field(() => GraphQLJSONObject, {
    description:
      'NEW: the entry of the source document (as importSource takes it). UPDATE: the status update’s input (`slug`, `status`, `citations`, `provenance`).',
  })
  @Column('simple-json')
  entry: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: 'UPDATE: the stored fact’s slug.' })
  @Column('varchar', { length: 100, nullable: true })
  targetSlug: string | null;

  @Field(() => String, { nullable: true, description: 'UPDATE: the stored status, and (`entry.status`) the report’s.' })
  @Column('varchar', { length: 32, nullable: true })
  targetStatus: string | null;

  @Field(() => [DraftDispute], {
    description:
      'NEW: the stored disputes it joins when accepted (its parties are on opposing sides of each), as drafted or as the editor changed them (`DraftItemEdit.disputes`).',
  })
  @Column('simple-json', { default: '[]' })
  disputes: DraftDispute[];

  @Field(() => String, { nullable: true, description: 'Why it was rejected.' })
  @Column('text', { nullable: true })
  reason: string | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 100, nullable: true })
  decidedBy: string | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 32, nullable: true })
  decidedAt: string | null;
}

@ObjectType('TextSpan', { description: 'A span of a source text (UTF-16 offsets): `text.slice(start, end)`.' })
export class TextSpan {
  @Field(() => Int)
  start: number;

  @Field(() => Int)
  end: number;
}

@ObjectType('PartyCandidate', { description: 'A stored party a name may be, with why and how sure.' })
export class PartyCandidate {
  @Field({ description: 'The party’s slug.' })
  slug: string;

  @Field({ description: 'NAME, ALIAS, LEGAL_NAME, ACRONYM or SIMILAR.' })
  rule: string;

  @Field(() => Float, { description: '0..1.' })
  score: number;
}

@Entity('draft_mention')
@Index(['draftId', 'key'], { unique: true })
@ObjectType('DraftMention', { description: 'A name found in a draft’s report: every place it occurs and the party it links to.' })
export class DraftMention extends NodeEntity {
  get nodeType() {
    return 'DraftMention';
  }

  @Field(() => ID, { name: 'id' })
  get mentionId(): string {
    return this.globalId;
  }

  @Column('integer')
  draftId: number;

  @Field()
  @Column('varchar', { length: 16 })
  key: string;

  @Field({ description: 'The name as the report first writes it.' })
  @Column('varchar', { length: 300 })
  name: string;

  @Field(() => [TextSpan])
  @Column('simple-json')
  spans: TextSpan[];

  @Field({ description: 'COMPANY, PERSON or AUTHORITY.' })
  @Column('varchar', { length: 16 })
  kind: string;

  @Field({ description: 'The slug the draft’s items use for it: the linked party’s, or the one proposed for a new party.' })
  @Column('varchar', { length: 100 })
  slug: string;

  @Field(() => PartyCandidate, { nullable: true, description: 'The stored party the engine linked it to (null: proposed as new).' })
  @Column('simple-json', { nullable: true })
  linked: PartyCandidate | null;

  @Field(() => [PartyCandidate])
  @Column('simple-json')
  alternatives: PartyCandidate[];

  @Field(() => MentionDecision)
  @Column('varchar', { length: 16 })
  decision: MentionDecision;
}

@ObjectType('DraftDate', { description: 'A date phrase of a report, resolved against its publication date.' })
export class DraftDate {
  @Field({ description: 'The phrase verbatim, qualifier included ("over a year ago").' })
  phrase: string;

  @Field(() => Int)
  start: number;

  @Field(() => Int)
  end: number;

  @Field(() => FuzzyDate)
  date: FuzzyDate;

  @Field({ description: 'How the date was read.' })
  note: string;
}
