import type { DataSource } from 'typeorm';
import type { Loaders } from '../../common/loaders/loaders';
import { paginate } from '../../common/pagination/paginate';
import type { PartyEntity } from '../party/party.entity';
import type { PartyService } from '../party/party.service';
import { LawsuitParty } from './lawsuit-party.entity';
import { Lawsuit } from './lawsuit.entity';
import { PartyRole } from './lawsuit.enums';
import type { LawsuitsArgs } from './lawsuits.args';

export class LawsuitService {
  constructor(private readonly dataSource: DataSource) {}

  connection({ filter, ...page }: LawsuitsArgs) {
    const query = this.dataSource.getRepository(Lawsuit).createQueryBuilder('lawsuit');
    if (filter?.kind) query.andWhere('lawsuit.kind = :kind', { kind: filter.kind });
    if (filter?.status) query.andWhere('lawsuit.status = :status', { status: filter.status });
    if (filter?.party) {
      query.andWhere(
        `lawsuit.id IN (SELECT lp.lawsuit_id FROM lawsuit_party lp JOIN party p ON p.id = lp.party_id WHERE p.slug = :party)`,
        { party: filter.party },
      );
    }
    return paginate(query, page);
  }

  /** Cases a party is on, on the given side or either; each case once, in filing order. */
  async ofParty(loaders: Loaders, partyId: number, role?: PartyRole | null): Promise<Lawsuit[]> {
    const memberships = await loaders.manyBy(LawsuitParty, 'partyId').load(partyId);
    const ids = [...new Set(memberships.filter((m) => !role || m.role === role).map((m) => m.lawsuitId))];
    const lawsuits = (await loaders.byId(Lawsuit).loadMany(ids)).filter((l): l is Lawsuit => l instanceof Lawsuit);
    return lawsuits.sort((a, b) => (a.filed?.iso ?? '').localeCompare(b.filed?.iso ?? '') || a.id - b.id);
  }

  /** The parties on one side of a case. */
  async sideOf(loaders: Loaders, parties: PartyService, lawsuitId: number, role: PartyRole): Promise<PartyEntity[]> {
    const memberships = await loaders.manyBy(LawsuitParty, 'lawsuitId').load(lawsuitId);
    return parties.many(
      loaders,
      memberships.filter((m) => m.role === role).map((m) => m.partyId),
    );
  }
}
