import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PartyEntity } from '../party/party.entity';
import { Lawsuit } from './lawsuit.entity';
import { PartyRole } from './lawsuit.enums';

/** Who is on which side of a case. */
@Entity('lawsuit_party')
@Unique(['lawsuitId', 'partyId', 'role'])
export class LawsuitParty {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  lawsuitId: number;

  @ManyToOne(() => Lawsuit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lawsuit_id' })
  lawsuit?: Lawsuit;

  @Index()
  @Column()
  partyId: number;

  @ManyToOne(() => PartyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'party_id' })
  party?: PartyEntity;

  @Column('varchar', { length: 16 })
  role: PartyRole;
}
