import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { PartyLinkEntity } from '../party/party-link.entity';
import { Event } from './event.entity';

@Entity('event_participant')
@Unique(['eventId', 'partyId'])
export class EventParticipant extends PartyLinkEntity {
  @Column()
  eventId: number;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Event;
}
