import type { Loaders } from '../../common/loaders/loaders';
import { manyInKeyOrder } from '../../common/loaders/key-order';
import { Lawsuit } from './lawsuit.entity';
import type { PartyRole } from './lawsuit.enums';

/**
 * Cases a party is on, on the given side or either, each once, in filing order (undated
 * last), at most `first` of them. One window-function query per batch of parties, however
 * many parties and whatever `first` is.
 */
export function lawsuitsOfParty(loaders: Loaders, partyId: number, role?: PartyRole | null, first?: number | null): Promise<Lawsuit[]> {
  const reader = loaders.reader;
  return loaders
    .custom<number, Lawsuit[]>(`Lawsuit.ofParty.${role ?? 'EITHER'}.${first ?? 'ALL'}`, async (partyIds) => {
      const rows = await reader.queryEntities(
        Lawsuit,
        `SELECT ranked.* FROM (
           SELECT l.*, m.party_id AS parent_key,
                  ROW_NUMBER() OVER (PARTITION BY m.party_id ORDER BY CASE WHEN l.filed IS NULL THEN 1 ELSE 0 END, l.filed, l.id) AS position
             FROM (SELECT DISTINCT party_id, lawsuit_id FROM lawsuit_party WHERE ${reader.inList('party_id')}${role ? ' AND role = ?' : ''}) m
             JOIN lawsuit l ON l.id = m.lawsuit_id
         ) ranked
         WHERE ranked.position <= ?
         ORDER BY ranked.parent_key, ranked.position`,
        [reader.listParameter(partyIds), ...(role ? [role] : []), first ?? Number.MAX_SAFE_INTEGER],
        'parent_key',
      );
      return manyInKeyOrder(partyIds, rows, ({ key }) => key).map((group) => group.map(({ entity }) => entity));
    })
    .load(partyId);
}
