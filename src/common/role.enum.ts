import { registerEnumType } from 'type-graphql';

/** What an API key may do; each role includes the ones before it. */
export enum Role {
  VIEWER = 'VIEWER',
  EDITOR = 'EDITOR',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, {
  name: 'Role',
  description:
    'What an API key may do. Anonymous requests and VIEWER keys read; EDITOR keys also change facts; ADMIN keys also manage keys and read the audit log.',
});

const RANK: Record<Role, number> = { VIEWER: 1, EDITOR: 2, ADMIN: 3 };

export function roleIncludes(held: Role, needed: Role): boolean {
  return RANK[held] >= RANK[needed];
}

export function parseRole(value: string): Role {
  const role = value.toUpperCase();
  if (!Object.hasOwn(Role, role)) throw new Error(`role must be one of viewer, editor, admin (got "${value}")`);
  return role as Role;
}
