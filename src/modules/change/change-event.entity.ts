import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { encodeGlobalId } from '../../common/node/global-id';
import { ChangeKind } from './change-kind.enum';
import { encodeChangeCursor } from './change-cursor';

/**
 * One change an accepted write made, appended in the write's own transaction (so it exists
 * exactly when the change does). Its id grows with every change and writes are serialized by
 * the write lock, so ids are in commit order: `id > cursor` is everything since the cursor, on
 * any instance and after any restart. Rows are never updated.
 */
@Entity('change_event')
@ObjectType('Change', {
  simpleResolvers: true,
  description: 'One change an accepted write made to the store: a statement added or deprecated, a fact created, updated or removed.',
})
export class ChangeEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'ISO 8601 instant of the write (the same for every change of one write).' })
  @Column('varchar', { length: 24 })
  at: string;

  @Field(() => ChangeKind)
  @Column('varchar', { length: 24 })
  kind: ChangeKind;

  @Field({ description: 'The GraphQL type of the changed object (`Lawsuit`, `Company`, `Dispute`).' })
  @Column('varchar', { length: 32 })
  subjectType: string;

  @Column('integer')
  subjectId: number;

  @Field(() => String, { nullable: true, description: 'The field changed (`status`), or null when the whole object was created or removed.' })
  @Column('varchar', { length: 64, nullable: true })
  field: string | null;

  /** The statement added or deprecated (null for other kinds). */
  @Column('integer', { nullable: true })
  statementId: number | null;

  @Field(() => String, { nullable: true, description: 'The statement\'s value, as JSON text (`"SETTLED"`); null for other kinds.' })
  @Column('text', { nullable: true })
  value: string | null;

  @Field(() => String, { nullable: true, description: "The statement's rank after the change (`NORMAL`, `PREFERRED`, `DEPRECATED`)." })
  @Column('varchar', { length: 16, nullable: true })
  rank: string | null;

  /** The statement's source (null when the change has none). */
  @Column('integer', { nullable: true })
  sourceId: number | null;

  @Field(() => String, { nullable: true, description: 'The slug of the source the statement comes from.' })
  @Column('varchar', { nullable: true })
  source: string | null;

  @Field({ description: "Who made the write: the API key's holder, or the command (`seed`, `cli:import`)." })
  @Column('varchar', { length: 100 })
  actor: string;

  @Field({ description: 'The mutation or command that made it (`updateLawsuitStatus`, `importSource`, `seed`).' })
  @Column('varchar', { length: 64 })
  action: string;

  @Field(() => [String], { description: "Slugs of the parties the change touches (the subject, or the fact's parties), as they were then." })
  @Column('simple-json')
  parties: string[];

  @Field(() => [String], { description: 'Slugs of the disputes the change touches (the subject, or the disputes its fact belongs to).' })
  @Column('simple-json')
  disputes: string[];

  @Field(() => ID, { name: 'subject', description: 'Global ID of the changed object (for `node(id)`).' })
  get subjectGlobalId(): string {
    return encodeGlobalId(this.subjectType, this.subjectId);
  }

  @Field({ description: 'Where this change is in the feed: `changes(since:)`, `/changes.ndjson?since=` resume after it.' })
  get cursor(): string {
    return encodeChangeCursor(this.id);
  }
}
