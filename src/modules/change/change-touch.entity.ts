import { Entity, Index, PrimaryColumn } from 'typeorm';

/** A party a change touches: the feed filtered by party reads this index in change order. */
@Entity('change_party')
@Index(['partyId', 'changeId'])
export class ChangeParty {
  @PrimaryColumn('integer')
  changeId: number;

  @PrimaryColumn('integer')
  partyId: number;
}

/** A dispute a change touches. */
@Entity('change_dispute')
@Index(['disputeId', 'changeId'])
export class ChangeDispute {
  @PrimaryColumn('integer')
  changeId: number;

  @PrimaryColumn('integer')
  disputeId: number;
}
