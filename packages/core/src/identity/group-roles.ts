// Roles from an identity provider's groups. When a provider maps groups to partnership roles, the
// member's roles in each mapped partnership follow the groups at every sign-in: the union of the
// roles of the groups they are in, or VIEWER when they are in none (leaving a partnership is a
// membership change, never a side effect of a group). Each change is audited on the member.
import type { MemberRole, PrismaClient } from '@lip/db';
import type { GroupRoles } from './config.ts';

const ROLE_ORDER: readonly MemberRole[] = [
  'PARTNERSHIP_LEAD',
  'SECTION_EDITOR',
  'CONTRIBUTOR',
  'SIGNATORY',
  'VIEWER',
];

export interface MembershipForGroups {
  id: string;
  partnershipId: string;
  partnership: { slug: string };
  roles: MemberRole[];
}

export interface RoleChange {
  memberId: string;
  partnershipSlug: string;
  before: MemberRole[];
  after: MemberRole[];
}

/** The groups in the claim, or null when the token has no such claim (leave roles as they are). */
export function groupsFromClaims(claims: Record<string, unknown>, claim: string): string[] | null {
  const value = claims[claim];
  if (!Array.isArray(value)) return null;
  return value.filter((g): g is string => typeof g === 'string');
}

/** The roles each mapped partnership (by slug) should give, from the person's groups. */
export function rolesFromGroups(
  mapping: GroupRoles,
  groups: readonly string[],
): Map<string, MemberRole[]> {
  const bySlug = new Map<string, Set<MemberRole>>();
  for (const grant of Object.values(mapping.map)) bySlug.set(grant.partnership, new Set());
  for (const group of groups) {
    const grant = mapping.map[group];
    if (grant) for (const role of grant.roles) bySlug.get(grant.partnership)!.add(role);
  }
  return new Map(
    [...bySlug].map(([slug, roles]) => [
      slug,
      roles.size > 0 ? ROLE_ORDER.filter((r) => roles.has(r)) : ['VIEWER'],
    ]),
  );
}

const sameRoles = (a: readonly MemberRole[], b: readonly MemberRole[]) =>
  a.length === b.length && a.every((r) => b.includes(r));

/** Sets the roles the groups give, auditing each change; returns what changed. */
export async function applyGroupRoles(
  prisma: PrismaClient,
  memberships: readonly MembershipForGroups[],
  mapping: GroupRoles,
  groups: readonly string[],
  providerId: string,
): Promise<RoleChange[]> {
  const wanted = rolesFromGroups(mapping, groups);
  const changes: RoleChange[] = [];
  for (const member of memberships) {
    const after = wanted.get(member.partnership.slug);
    if (!after || sameRoles(member.roles, after)) continue;
    await prisma.$transaction(async (tx) => {
      await tx.member.update({ where: { id: member.id }, data: { roles: after } });
      await tx.auditEvent.create({
        data: {
          // The system acts (at the person's sign-in), on the identity provider's word.
          actorUserId: null,
          partnershipId: member.partnershipId,
          planId: null,
          entityType: 'Member',
          entityId: member.id,
          action: 'member.update',
          before: { roles: member.roles },
          after: { roles: after, source: 'identity provider groups', provider: providerId },
        },
      });
    });
    changes.push({
      memberId: member.id,
      partnershipSlug: member.partnership.slug,
      before: member.roles,
      after,
    });
  }
  return changes;
}
