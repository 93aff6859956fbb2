import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PartyEntity } from '../party/party.entity';
import { LicensingNegotiation } from './licensing-negotiation.entity';

@Entity('negotiation_party')
@Unique(['negotiationId', 'partyId'])
export class NegotiationParty {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  negotiationId: number;

  @ManyToOne(() => LicensingNegotiation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'negotiation_id' })
  negotiation?: LicensingNegotiation;

  @Index()
  @Column()
  partyId: number;

  @ManyToOne(() => PartyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'party_id' })
  party?: PartyEntity;
}
