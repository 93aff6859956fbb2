import { FuzzyDate } from '../../common/fuzzy-date/fuzzy-date';
import { AuthorityKind } from '../authority/authority-kind.enum';
import { CaseStatus, LawsuitKind } from '../lawsuit/lawsuit.enums';
import { NegotiationStatus } from '../negotiation/negotiation-status.enum';
import { CountQualifier, PatentScope } from '../patent-stat/patent-stat.enums';
import { SanctionStatus } from '../sanction/sanction-status.enum';
import type { SourceDocument } from './source-document';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
type PartyType = 'COMPANY' | 'PERSON' | 'AUTHORITY';

const PARTY_REFERENCE_KEYS = new Set(['slug', 'party', 'person', 'organization', 'relative', 'authority', 'subject', 'target', 'speaker', 'holder', 'dataFrom', 'plaintiffs', 'defendants', 'parties', 'participants']);

/** Every string that may name a party, anywhere in the document (a superset is harmless). */
export function referencedPartySlugs(doc: unknown): string[] {
  const found = new Set<string>();
  const walk = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) value.forEach((item) => walk(item, key));
    else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => k !== 'source' && walk(v, k));
    else if (typeof value === 'string' && key && PARTY_REFERENCE_KEYS.has(key)) found.add(value);
  };
  walk(doc);
  return [...found];
}

/**
 * Checks a source document completely and returns every problem as `path: what is wrong`
 * (empty when it can be imported). `storedParties` maps slugs already in the database to their
 * type, so a document may refer to parties that another source introduced.
 */
export function validateSourceDocument(input: unknown, storedParties: ReadonlyMap<string, PartyType>): string[] {
  const problems: string[] = [];
  const report = (path: string, message: string) => problems.push(`${path}: ${message}`);
  if (!isObject(input)) return ['document: must be a JSON object'];
  const doc = input as unknown as SourceDocument;
  const text = isObject(doc.source) && typeof doc.source.text === 'string' ? doc.source.text : '';

  const str = (path: string, value: unknown, { optional = false, pattern }: { optional?: boolean; pattern?: RegExp } = {}) => {
    if (value == null && optional) return;
    if (typeof value !== 'string' || value.trim() === '') return report(path, optional ? 'must be a non-empty string when given' : 'is required (a non-empty string)');
    if (pattern && !pattern.test(value)) report(path, `"${value}" is not a slug (lowercase letters, digits and single hyphens)`);
  };
  const oneOf = (path: string, value: unknown, allowed: Record<string, string>, optional = false) => {
    if (value == null && optional) return;
    if (typeof value !== 'string' || !(value in allowed)) report(path, `must be one of ${Object.keys(allowed).join(', ')} (got ${JSON.stringify(value)})`);
  };
  const date = (path: string, value: unknown, optional = true) => {
    if (value == null && optional) return;
    try {
      if (typeof value !== 'string') throw new Error('must be a fuzzy date string such as "2019-12" or "2019-02~"');
      FuzzyDate.parse(value);
    } catch (error) {
      report(path, (error as Error).message);
    }
  };
  const strings = (path: string, value: unknown, optional = true) => {
    if (value == null && optional) return;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) report(path, 'must be a list of non-empty strings');
  };
  const quotes = (path: string, value: unknown) => {
    if (!Array.isArray(value) || value.length === 0) return report(`${path}.quotes`, 'every fact needs at least one verbatim quote of the source');
    value.forEach((quote, i) => {
      if (typeof quote !== 'string' || quote.trim() === '') report(`${path}.quotes[${i}]`, 'must be a non-empty string');
      else if (!text.includes(quote)) report(`${path}.quotes[${i}]`, `"${quote}" does not occur verbatim in the source text`);
    });
  };
  const list = <T>(key: keyof SourceDocument, each: (item: T, path: string) => void) => {
    const value = doc[key];
    if (value == null) return;
    if (!Array.isArray(value)) return report(String(key), 'must be a list');
    value.forEach((item, i) => (isObject(item) ? each(item as T, `${String(key)}[${i}]`) : report(`${String(key)}[${i}]`, 'must be an object')));
  };

  if (!isObject(doc.source)) {
    report('source', 'is required: { slug, title, publisher, publishedOn, url, text }');
  } else {
    str('source.slug', doc.source.slug, { pattern: SLUG });
    str('source.title', doc.source.title);
    str('source.publisher', doc.source.publisher);
    date('source.publishedOn', doc.source.publishedOn, false);
    str('source.url', doc.source.url, { optional: true });
    str('source.text', doc.source.text);
  }

  // Parties defined here, then every reference checked against them and the stored ones.
  const parties = new Map(storedParties);
  const defined = new Set<string>();
  list<NonNullable<SourceDocument['parties']>[number]>('parties', (party, path) => {
    oneOf(`${path}.type`, party.type, { COMPANY: '', PERSON: '', AUTHORITY: '' });
    str(`${path}.slug`, party.slug, { pattern: SLUG });
    str(`${path}.name`, party.name);
    strings(`${path}.aliases`, party.aliases);
    if (party.type === 'AUTHORITY') oneOf(`${path}.kind`, party.kind, AuthorityKind);
    if (party.country != null && !/^[A-Z]{2}$/.test(String(party.country))) report(`${path}.country`, 'must be an ISO 3166-1 alpha-2 code such as "CN"');
    quotes(path, party.quotes);
    if (typeof party.slug !== 'string') return;
    if (defined.has(party.slug)) report(`${path}.slug`, `"${party.slug}" is defined twice`);
    const stored = storedParties.get(party.slug);
    if (stored && stored !== party.type) report(`${path}.type`, `"${party.slug}" is already stored as a ${stored}`);
    defined.add(party.slug);
    parties.set(party.slug, party.type);
  });
  const ref = (path: string, slug: unknown, types: PartyType[] = ['COMPANY', 'PERSON', 'AUTHORITY'], optional = false) => {
    if (slug == null && optional) return;
    if (typeof slug !== 'string') return report(path, 'must be a party slug');
    const type = parties.get(slug);
    if (!type) report(path, `unknown party "${slug}": define it under parties or import its source first`);
    else if (!types.includes(type)) report(path, `"${slug}" is a ${type}, expected ${types.join(' or ')}`);
  };
  const refs = (path: string, slugs: unknown, minimum = 1) => {
    if (!Array.isArray(slugs) || slugs.length < minimum) return report(path, `must list at least ${minimum} party slug(s)`);
    slugs.forEach((slug, i) => ref(`${path}[${i}]`, slug));
  };
  const unique = new Map<string, Set<string>>();
  const uniqueSlug = (kind: string, path: string, slug: unknown) => {
    str(`${path}.slug`, slug, { pattern: SLUG });
    const seen = unique.get(kind) ?? new Set<string>();
    if (typeof slug === 'string' && seen.has(slug)) report(`${path}.slug`, `"${slug}" is used twice`);
    seen.add(String(slug));
    unique.set(kind, seen);
  };

  list<NonNullable<SourceDocument['characterizations']>[number]>('characterizations', (c, path) => {
    ref(`${path}.party`, c.party);
    str(`${path}.text`, c.text);
    strings(`${path}.topics`, c.topics);
    quotes(path, c.quotes);
  });
  list<NonNullable<SourceDocument['affiliations']>[number]>('affiliations', (a, path) => {
    ref(`${path}.person`, a.person, ['PERSON']);
    ref(`${path}.organization`, a.organization);
    str(`${path}.role`, a.role);
    date(`${path}.since`, a.since);
    quotes(path, a.quotes);
  });
  list<NonNullable<SourceDocument['kinships']>[number]>('kinships', (k, path) => {
    ref(`${path}.person`, k.person, ['PERSON']);
    ref(`${path}.relative`, k.relative, ['PERSON']);
    str(`${path}.relation`, k.relation);
    str(`${path}.inverseRelation`, k.inverseRelation);
    quotes(path, k.quotes);
  });
  const actionSlugs = new Set<string>();
  list<NonNullable<SourceDocument['regulatoryActions']>[number]>('regulatoryActions', (a, path) => {
    uniqueSlug('regulatoryActions', path, a.slug);
    actionSlugs.add(a.slug);
    ref(`${path}.authority`, a.authority, ['AUTHORITY']);
    ref(`${path}.subject`, a.subject, undefined, true);
    str(`${path}.description`, a.description);
    date(`${path}.date`, a.date);
    quotes(path, a.quotes);
  });
  list<NonNullable<SourceDocument['lawsuits']>[number]>('lawsuits', (l, path) => {
    uniqueSlug('lawsuits', path, l.slug);
    str(`${path}.title`, l.title);
    oneOf(`${path}.kind`, l.kind, LawsuitKind);
    oneOf(`${path}.status`, l.status, CaseStatus);
    date(`${path}.filed`, l.filed);
    str(`${path}.venue`, l.venue, { optional: true });
    refs(`${path}.plaintiffs`, l.plaintiffs);
    refs(`${path}.defendants`, l.defendants);
    strings(`${path}.technologies`, l.technologies);
    if (l.challenges != null && !actionSlugs.has(l.challenges)) {
      report(`${path}.challenges`, `unknown regulatory action "${l.challenges}": list it under regulatoryActions`);
    }
    quotes(path, l.quotes);
  });
  list<NonNullable<SourceDocument['sanctions']>[number]>('sanctions', (s, path) => {
    uniqueSlug('sanctions', path, s.slug);
    ref(`${path}.target`, s.target);
    ref(`${path}.authority`, s.authority, ['AUTHORITY']);
    str(`${path}.description`, s.description);
    date(`${path}.imposed`, s.imposed);
    oneOf(`${path}.status`, s.status, SanctionStatus);
    quotes(path, s.quotes);
  });
  list<NonNullable<SourceDocument['negotiations']>[number]>('negotiations', (n, path) => {
    uniqueSlug('negotiations', path, n.slug);
    str(`${path}.subject`, n.subject);
    oneOf(`${path}.status`, n.status, NegotiationStatus);
    date(`${path}.started`, n.started);
    refs(`${path}.parties`, n.parties, 2);
    quotes(path, n.quotes);
  });
  list<NonNullable<SourceDocument['patentStats']>[number]>('patentStats', (p, path) => {
    ref(`${path}.holder`, p.holder);
    oneOf(`${path}.scope`, p.scope, PatentScope);
    if (!Number.isInteger(p.count) || p.count < 0) report(`${path}.count`, 'must be a whole number ≥ 0');
    oneOf(`${path}.qualifier`, p.qualifier, CountQualifier, true);
    date(`${path}.asOf`, p.asOf);
    quotes(path, p.quotes);
  });
  list<NonNullable<SourceDocument['rankings']>[number]>('rankings', (r, path) => {
    uniqueSlug('rankings', path, r.slug);
    str(`${path}.name`, r.name);
    if (r.year != null && !(Number.isInteger(r.year) && r.year > 1000 && r.year < 3000)) report(`${path}.year`, 'must be a four-digit year');
    ref(`${path}.dataFrom`, r.dataFrom, ['AUTHORITY'], true);
    quotes(path, r.quotes);
    if (!Array.isArray(r.entries) || r.entries.length === 0) return report(`${path}.entries`, 'must list at least one entry');
    r.entries.forEach((entry, i) => {
      ref(`${path}.entries[${i}].party`, entry.party);
      quotes(`${path}.entries[${i}]`, entry.quotes);
    });
  });
  list<NonNullable<SourceDocument['statements']>[number]>('statements', (s, path) => {
    uniqueSlug('statements', path, s.slug);
    ref(`${path}.speaker`, s.speaker);
    str(`${path}.text`, s.text);
    date(`${path}.date`, s.date);
    quotes(path, s.quotes);
  });
  list<NonNullable<SourceDocument['events']>[number]>('events', (e, path) => {
    uniqueSlug('events', path, e.slug);
    str(`${path}.title`, e.title);
    date(`${path}.date`, e.date);
    str(`${path}.location`, e.location, { optional: true });
    refs(`${path}.participants`, e.participants);
    quotes(path, e.quotes);
  });
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
