import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Dispute } from './dispute.entity';

/** A fact that is part of a dispute (any registered fact type, by type name and id). */
@Entity('dispute_fact')
@Unique(['disputeId', 'factType', 'factId'])
@Index(['factType', 'factId'])
export class DisputeFact {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  disputeId: number;

  @ManyToOne(() => Dispute, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dispute_id' })
  dispute?: Dispute;

  @Column('varchar', { length: 32 })
  factType: string;

  @Column()
  factId: number;
}
