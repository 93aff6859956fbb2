import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An identifier a row no longer has, and the row it now names: a slug that was changed, or the
 * slug and id of a party merged into another. Root lookups by slug, party references in writes
 * and `node(id)` fall back to it when nothing has the identifier today (former-identifiers.ts),
 * so links, bookmarks and documents written against the old key keep working. One row per old
 * key; a merge of a survivor moves its former keys along (no chains to follow at read time).
 */
@Entity('former_identifier')
@Index('IDX_former_identifier_slug', ['tableName', 'formerSlug'], { unique: true })
@Index('IDX_former_identifier_id', ['tableName', 'formerId'])
@Index('IDX_former_identifier_current', ['tableName', 'currentId'])
export class FormerIdentifier {
  @PrimaryGeneratedColumn()
  id: number;

  /** The table of the row: `party`, `lawsuit`, `dispute`… (party slugs are one namespace across kinds). */
  @Column('varchar', { length: 64 })
  tableName: string;

  /** The slug it had (null: only its id changed, by a merge). */
  @Column('varchar', { nullable: true })
  formerSlug: string | null;

  /** The id it had, when the row itself went away (merged into `currentId`); null for a renamed row. */
  @Column('integer', { nullable: true })
  formerId: number | null;

  /** The row the old key names now. */
  @Column('integer')
  currentId: number;

  /** Why it changed (a merge's or a correction's reason). */
  @Column('text')
  reason: string;

  @Column('varchar', { length: 24 })
  recordedAt: string;

  @Column('varchar', { length: 100 })
  recordedBy: string;
}
