import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { PartyEntity } from '../party/party.entity';
import { SubjectRow } from '../../common/citation/subject-row';
import { Attribution } from '../../common/citation/attribution.enums';

/**
 * Who says a cited fact is so, and how the source hedges it; one row per fact of any type
 * (subject type and id, as a citation's). A fact without a row is REPORTED, unhedged.
 */
@Entity('fact_attribution')
@Unique(['subjectType', 'subjectId'])
export class FactAttribution extends SubjectRow {
  @Column('varchar', { length: 16 })
  attribution: Attribution;

  @Index()
  @Column('integer', { nullable: true })
  claimedById: number | null;

  @ManyToOne(() => PartyEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'claimed_by_id' })
  claimedBy?: PartyEntity;

  /** Who claims it, in words, when it is not a stored party ("an analysis of filings"). */
  @Column('varchar', { length: 200, nullable: true })
  claimant: string | null;

  /** The source's own qualifying words, verbatim ("apparent"). */
  @Column('simple-json')
  hedges: string[];
}
