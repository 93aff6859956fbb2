import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PartyEntity } from '../party/party.entity';

/** One family tie, stored once and read from both ends (see Kinship). */
@Entity('kinship')
@Unique(['personId', 'relativeId'])
export class KinshipRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column()
  personId: number;

  @ManyToOne(() => PartyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  personRow?: PartyEntity;

  @Index()
  @Column()
  relativeId: number;

  @ManyToOne(() => PartyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'relative_id' })
  relativeRow?: PartyEntity;

  /** How `person` relates to `relative`, e.g. "eldest daughter of". */
  @Column()
  relation: string;

  /** How `relative` relates to `person`, e.g. "parent of". */
  @Column()
  inverseRelation: string;
}
