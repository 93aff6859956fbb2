import '../../facts';
import { disputesJoined, kindNamedBy, type DisputeSides } from './dispute-membership';

const patents: DisputeSides = {
  slug: 'huawei-verizon-patents',
  title: 'Huawei versus Verizon over patents',
  kind: 'PATENT',
  status: 'ACTIVE',
  sides: { A: ['huawei'], B: ['verizon'] },
  members: [{ type: 'Lawsuit' }, { type: 'LicensingNegotiation' }, { type: 'Statement' }],
};
const sanctions: DisputeSides = {
  slug: 'us-sanctions-huawei',
  title: 'US sanctions and Huawei',
  kind: 'SANCTIONS',
  status: 'UNKNOWN',
  sides: { A: ['us-government'], B: ['huawei'] },
  members: [{ type: 'Sanction' }],
};
const disputes = [patents, sanctions];
const slugs = (fact: Parameters<typeof disputesJoined>[0]) => disputesJoined(fact, disputes).map((d) => d.slug);

describe('which stored dispute a new fact joins', () => {
  it('a suit between the two sides, either way round, joins their dispute, saying why', () => {
    expect(slugs({ typeName: 'Lawsuit', parties: ['huawei', 'verizon'], subject: 'CONTRACT' })).toEqual(['huawei-verizon-patents']);
    expect(slugs({ typeName: 'Lawsuit', parties: ['verizon', 'huawei'], subject: 'PATENT_INFRINGEMENT' })).toEqual(['huawei-verizon-patents']);
    const [joined] = disputesJoined({ typeName: 'Lawsuit', parties: ['huawei', 'verizon'], subject: null }, disputes);
    expect(joined.why).toBe('huawei (side A) and verizon (side B) of this PATENT dispute, which groups Lawsuit facts');
  });

  it('joins none for unrelated parties, for one side only, or for parties of one side', () => {
    expect(slugs({ typeName: 'Lawsuit', parties: ['norrland-telecom', 'baltic-radio-systems'], subject: null })).toEqual([]);
    expect(slugs({ typeName: 'Lawsuit', parties: ['huawei', 'fcc'], subject: null })).toEqual([]);
    expect(slugs({ typeName: 'Statement', parties: ['huawei'], subject: null })).toEqual([]);
    const twoOnA = { ...patents, sides: { A: ['huawei', 'honor'], B: ['verizon'] } };
    expect(disputesJoined({ typeName: 'Lawsuit', parties: ['huawei', 'honor'], subject: null }, [twoOnA])).toEqual([]);
  });

  it('reads the kind: a subject naming another kind, or a type the dispute does not group, joins none', () => {
    // A fraud case between the sanctions dispute's sides is not about sanctions; a sanction is.
    expect(slugs({ typeName: 'Lawsuit', parties: ['us-government', 'huawei'], subject: 'CRIMINAL' })).toEqual([]);
    expect(slugs({ typeName: 'Sanction', parties: ['us-government', 'huawei'], subject: null })).toEqual(['us-sanctions-huawei']);
    expect(slugs({ typeName: 'Lawsuit', parties: ['huawei', 'verizon'], subject: 'CRIMINAL' })).toEqual([]);
    // A dispute grouping no facts yet takes any groupable fact between its sides; a type no dispute groups, none.
    expect(disputesJoined({ typeName: 'Event', parties: ['huawei', 'verizon'], subject: null }, [{ ...patents, members: [] }])).toHaveLength(1);
    expect(disputesJoined({ typeName: 'Dispute', parties: ['huawei', 'verizon'], subject: null }, [{ ...patents, members: [] }])).toEqual([]);
    expect([kindNamedBy('PATENT_INFRINGEMENT'), kindNamedBy('REGULATORY_CHALLENGE'), kindNamedBy('CONTRACT'), kindNamedBy(null)]).toEqual([
      'PATENT',
      'REGULATORY',
      null,
      null,
    ]);
  });

  it('a resolved dispute is still joined, and says it stays resolved', () => {
    const [joined] = disputesJoined({ typeName: 'Lawsuit', parties: ['huawei', 'verizon'], subject: null }, [{ ...patents, status: 'RESOLVED' }]);
    expect(joined.why).toMatch(/it is RESOLVED, and stays so unless a source says otherwise$/);
  });
});
