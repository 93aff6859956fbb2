import { Column, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PartyEntity } from './party.entity';

/**
 * A row that puts a party into a fact with several parties (a case's sides, a negotiation's
 * parties, an event's participants). Each subclass adds the fact it belongs to.
 */
export abstract class PartyLinkEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column()
  partyId: number;

  @ManyToOne(() => PartyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'party_id' })
  party?: PartyEntity;
}
