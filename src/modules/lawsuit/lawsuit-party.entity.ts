import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { PartyLinkEntity } from '../party/party-link.entity';
import { Lawsuit } from './lawsuit.entity';
import { PartyRole } from './lawsuit.enums';

/** Who is on which side of a case. */
@Entity('lawsuit_party')
@Unique(['lawsuitId', 'partyId', 'role'])
export class LawsuitParty extends PartyLinkEntity {
  @Column()
  lawsuitId: number;

  @ManyToOne(() => Lawsuit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lawsuit_id' })
  lawsuit?: Lawsuit;

  @Column('varchar', { length: 16 })
  role: PartyRole;
}
