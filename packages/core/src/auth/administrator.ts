// Service administrators (User.isSystemAdmin) create partnerships and their first leads. The first
// one comes from the command line (`npx pnpm admin:create`, scripts/admin-create.ts), which calls
// this: it creates the account, or promotes an existing one, and records it in the audit trail.
import { hashPassword, type PrismaClient, type User } from '@lip/db';
import { isEmailAddress, normaliseEmail } from '../partnerships/rules.ts';

/** Administrators' passwords are at least this long (they can create partnerships). */
export const ADMIN_PASSWORD_MIN = 12;

export class AdministratorInputError extends Error {}

export interface CreateAdministratorInput {
  email: string | undefined;
  name: string | undefined;
  /** Sets (or replaces) the account's password; omitted: the password is left as it is. */
  password?: string;
}

export interface CreateAdministratorResult {
  user: User;
  /** created: a new account; promoted: an existing account became an administrator; unchanged. */
  outcome: 'created' | 'promoted' | 'unchanged';
  passwordSet: boolean;
}

/** Checks the command's input: a plausible email, a name, a long enough password. */
export function checkAdministratorInput(input: CreateAdministratorInput): {
  email: string;
  name: string;
} {
  const email = normaliseEmail(input.email ?? '');
  if (email === '') throw new AdministratorInputError('Give the administrator’s email: --email');
  if (!isEmailAddress(email))
    throw new AdministratorInputError(
      `“${input.email}” is not an email address: give one like name@example.org`,
    );
  const name = (input.name ?? '').trim().replace(/\s+/g, ' ');
  if (name === '') throw new AdministratorInputError('Give the administrator’s name: --name');
  if (name.length > 200)
    throw new AdministratorInputError('The name must be 200 characters or fewer');
  if (input.password !== undefined && input.password.length < ADMIN_PASSWORD_MIN)
    throw new AdministratorInputError(
      `The password must be at least ${ADMIN_PASSWORD_MIN} characters`,
    );
  return { email, name };
}

/**
 * Creates a service administrator, or makes an existing account one (their name is left as it
 * is: it is theirs). Idempotent. Audited as the system's act (no signed-in actor).
 */
export async function createServiceAdministrator(
  prisma: PrismaClient,
  input: CreateAdministratorInput,
): Promise<CreateAdministratorResult> {
  const { email, name } = checkAdministratorInput(input);
  const passwordHash =
    input.password === undefined ? undefined : await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email } });
    let user: User;
    let outcome: CreateAdministratorResult['outcome'];
    if (!existing) {
      user = await tx.user.create({
        data: { email, name, isSystemAdmin: true, passwordHash: passwordHash ?? null },
      });
      outcome = 'created';
    } else {
      user = await tx.user.update({
        where: { id: existing.id },
        data: { isSystemAdmin: true, ...(passwordHash ? { passwordHash } : {}) },
      });
      outcome = existing.isSystemAdmin ? 'unchanged' : 'promoted';
    }
    if (outcome !== 'unchanged' || passwordHash)
      await tx.auditEvent.create({
        data: {
          actorUserId: null,
          entityType: 'User',
          entityId: user.id,
          action: `admin.${outcome === 'unchanged' ? 'password' : outcome}`,
          before: existing ? { isSystemAdmin: existing.isSystemAdmin } : undefined,
          after: { email, isSystemAdmin: true, passwordSet: Boolean(passwordHash) },
        },
      });
    return { user, outcome, passwordSet: Boolean(passwordHash) };
  });
}
