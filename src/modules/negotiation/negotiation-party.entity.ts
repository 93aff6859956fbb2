import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { PartyLinkEntity } from '../party/party-link.entity';
import { LicensingNegotiation } from './licensing-negotiation.entity';

@Entity('negotiation_party')
@Unique(['negotiationId', 'partyId'])
export class NegotiationParty extends PartyLinkEntity {
  @Column()
  negotiationId: number;

  @ManyToOne(() => LicensingNegotiation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'negotiation_id' })
  negotiation?: LicensingNegotiation;
}
