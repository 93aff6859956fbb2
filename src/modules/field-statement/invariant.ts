import type { EntityManager } from 'typeorm';
import { Attribution, Basis } from '../../common/citation/attribution.enums';
import { FactAttribution } from '../attribution/fact-attribution.entity';
import { Citation } from '../../common/citation/citation.entity';
import { byField, currentOf } from './current-value';
import { FieldStatement } from '../../common/citation/field-statement.entity';
import { encodeValue, STATEMENT_NODE_TYPE } from './field-statement.writes';

/**
 * The says-who invariant, over the whole store: every STATED current value has quotes (cited
 * for its statement), every INFERRED one a note, every claim a claimant, and every fact's row
 * holds the value of its current statements. Returns one line per violation (none: it holds).
 * For tests and checks after writes; it reads every statement, so not for a request.
 */
export async function saysWhoViolations(manager: EntityManager, entityOf: (nodeType: string) => Function | null = () => null): Promise<string[]> {
  const violations: string[] = [];
  const statements = await manager.getRepository(FieldStatement).find({ order: { id: 'ASC' } });
  const cited = new Set(
    (await manager.getRepository(Citation).find({ where: { subjectType: STATEMENT_NODE_TYPE }, select: { subjectId: true } })).map((c) => c.subjectId),
  );
  const bySubject = new Map<string, FieldStatement[]>();
  for (const s of statements) bySubject.set(`${s.subjectType}:${s.subjectId}`, [...(bySubject.get(`${s.subjectType}:${s.subjectId}`) ?? []), s]);
  for (const [key, list] of bySubject) {
    const [type, id] = key.split(':');
    const metadata = manager.connection.getMetadata(entityOf(type) ?? type);
    const row = (await manager.getRepository(metadata.target).findOneBy({ id: Number(id) })) as Record<string, unknown> | null;
    if (!row) {
      violations.push(`${key}: statements about a row that does not exist`);
      continue;
    }
    for (const [field, fieldStatements] of byField(list)) {
      const current = currentOf(fieldStatements);
      if (!current) continue;
      const at = `${key}.${field}`;
      if (current.basis === Basis.STATED && (current.quotes.length === 0 || !cited.has(current.id))) violations.push(`${at}: STATED without quotes cited`);
      if (current.basis === Basis.INFERRED && !current.note) violations.push(`${at}: INFERRED without a note`);
      if (current.attribution && current.attribution !== Attribution.REPORTED && current.claimedById == null && !current.claimant)
        violations.push(`${at}: ${current.attribution} without a claimant`);
      const column = metadata.findColumnWithPropertyName(field);
      if (column && !column.relationMetadata && encodeValue(row[field]) !== current.value)
        violations.push(`${at}: the row holds ${encodeValue(row[field])}, its current statement ${current.value}`);
    }
  }
  for (const a of await manager.getRepository(FactAttribution).find()) {
    if (a.attribution !== Attribution.REPORTED && a.claimedById == null && !a.claimant)
      violations.push(`${a.subjectType}:${a.subjectId}: ${a.attribution} without a claimant`);
  }
  return violations;
}
