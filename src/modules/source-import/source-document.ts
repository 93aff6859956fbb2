import type { DisputeDoc } from '../dispute/dispute.writes';
/**
 * A source document: one source text and every fact taken from it, each with the verbatim
 * quotes that state it. The files in seeds/ are in this format; so is `importSource` input.
 * Facts refer to parties by slug; parties may be defined in the same document or already stored.
 */
export interface SourceDocument {
  source: { slug: string; title: string; publisher: string; publishedOn: string; url?: string | null; text: string };
  parties?: PartyDoc[];
  characterizations?: CharacterizationDoc[];
  affiliations?: AffiliationDoc[];
  kinships?: KinshipDoc[];
  regulatoryActions?: RegulatoryActionDoc[];
  lawsuits?: LawsuitDoc[];
  sanctions?: SanctionDoc[];
  negotiations?: NegotiationDoc[];
  patentStats?: PatentStatDoc[];
  rankings?: RankingDoc[];
  statements?: StatementDoc[];
  events?: EventDoc[];
  disputes?: DisputeDoc[];
}

/**
 * Every fact carries at least one verbatim quote of the source, and may say who says so
 * (attribution.writes.ts checks and stores these the same way for every kind of fact).
 */
export interface Quoted {
  quotes: string[];
  attribution?: string | null;
  claimedBy?: string | null;
  claimant?: string | null;
  hedges?: string[] | null;
  /** By field name (FactType.asserts): `{ basis: 'STATED', quotes }` or `{ basis: 'INFERRED', note }`. */
  provenance?: Record<string, { basis: string; quotes?: string[] | null; note?: string | null }> | unknown[] | null;
}

export interface PartyDoc extends Quoted {
  type: 'COMPANY' | 'PERSON' | 'AUTHORITY';
  slug: string;
  name: string;
  aliases?: string[];
  description?: string | null;
  headquarters?: string | null;
  country?: string | null;
  kind?: string;
  jurisdiction?: string | null;
}
export interface CharacterizationDoc extends Quoted {
  party: string;
  text: string;
  topics?: string[];
}
export interface AffiliationDoc extends Quoted {
  person: string;
  organization: string;
  role: string;
  since?: string | null;
}
export interface KinshipDoc extends Quoted {
  person: string;
  relative: string;
  relation: string;
  inverseRelation: string;
}
export interface RegulatoryActionDoc extends Quoted {
  slug: string;
  authority: string;
  subject?: string | null;
  description: string;
  date?: string | null;
}
export interface LawsuitDoc extends Quoted {
  slug: string;
  title: string;
  kind: string;
  status: string;
  filed?: string | null;
  venue?: string | null;
  summary?: string | null;
  plaintiffs: string[];
  defendants: string[];
  technologies?: string[];
  challenges?: string | null;
}
export interface SanctionDoc extends Quoted {
  slug: string;
  target: string;
  authority: string;
  description: string;
  imposed?: string | null;
  status: string;
}
export interface NegotiationDoc extends Quoted {
  slug: string;
  subject: string;
  status: string;
  started?: string | null;
  summary?: string | null;
  parties: string[];
}
export interface PatentStatDoc extends Quoted {
  holder: string;
  scope: string;
  count: number;
  qualifier?: string | null;
  asOf?: string | null;
}
export interface RankingDoc extends Quoted {
  slug: string;
  name: string;
  year?: number | null;
  basis?: string | null;
  dataFrom?: string | null;
  entries: (Quoted & { party: string; position?: number | null })[];
}
export interface StatementDoc extends Quoted {
  slug: string;
  speaker: string;
  text: string;
  date?: string | null;
}
export interface EventDoc extends Quoted {
  slug: string;
  title: string;
  date?: string | null;
  location?: string | null;
  participants: string[];
}
