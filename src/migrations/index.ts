import { InitialSchema1795670432047 } from './postgres/1795670432047-InitialSchema';
import { RowCountsAndSearchIndex1795670500000 } from './1795670500000-RowCountsAndSearchIndex';
import { InitialSchema1795670430616 } from './sqlite/1795670430616-InitialSchema';
import { SaysWho1795975969479 } from './sqlite/1795975969479-SaysWho';
import { SaysWho1795975974227 } from './postgres/1795975974227-SaysWho';
import { KeyBudgets1796100000000 } from './sqlite/1796100000000-KeyBudgets';
import { KeyBudgets1796100000001 } from './postgres/1796100000001-KeyBudgets';
import { FieldStatements1796100000001 } from './sqlite/1796100000001-FieldStatements';
import { FieldStatements1796100000002 } from './postgres/1796100000002-FieldStatements';
import { PartyIdentity1796200000000 } from './sqlite/1796200000000-PartyIdentity';
import { PartyIdentity1796200000001 } from './postgres/1796200000001-PartyIdentity';
import { Drafts1796300000000 } from './sqlite/1796300000000-Drafts';
import { Drafts1796300000001 } from './postgres/1796300000001-Drafts';
import { ChangeEvents1796400000000 } from './sqlite/1796400000000-ChangeEvents';
import { ChangeEvents1796400000001 } from './postgres/1796400000001-ChangeEvents';
import { Webhooks1796500000000 } from './sqlite/1796500000000-Webhooks';
import { Webhooks1796500000001 } from './postgres/1796500000001-Webhooks';
import { DraftItemDisputes1797400000000 } from './sqlite/1797400000000-DraftItemDisputes';
import { DraftItemDisputes1797400000001 } from './postgres/1797400000001-DraftItemDisputes';
import { TimelineOrder1797500000000 } from './1797500000000-TimelineOrder';

/**
 * The migrations of each dialect, in order. Entity tables: generated per dialect by
 * `npm run migration:generate` (TypeORM compares the entities with a database at the latest
 * migration). Migrations at the top level are written once for both dialects.
 */
export const sqliteMigrations: Function[] = [
  InitialSchema1795670430616,
  RowCountsAndSearchIndex1795670500000,
  SaysWho1795975969479,
  KeyBudgets1796100000000,
  FieldStatements1796100000001,
  PartyIdentity1796200000000,
  Drafts1796300000000,
  ChangeEvents1796400000000,
  Webhooks1796500000000,
  DraftItemDisputes1797400000000,
  TimelineOrder1797500000000,
];
export const postgresMigrations: Function[] = [
  InitialSchema1795670432047,
  RowCountsAndSearchIndex1795670500000,
  SaysWho1795975974227,
  KeyBudgets1796100000001,
  FieldStatements1796100000002,
  PartyIdentity1796200000001,
  Drafts1796300000001,
  ChangeEvents1796400000001,
  Webhooks1796500000001,
  DraftItemDisputes1797400000001,
  TimelineOrder1797500000000,
];
