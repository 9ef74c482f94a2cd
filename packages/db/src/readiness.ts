// Whether this process can serve: the database answers, and every migration on disk is applied
// (a deploy that brought new migrations is not ready until `pnpm db:migrate` has run). For /readyz.
import type { Database } from './client.ts';
import { pendingMigrations, type MigrateOptions, type SqlExecutor } from './migrate.ts';

export type Readiness =
  | { ready: true }
  | {
      ready: false;
      /** Short and safe to show a load balancer: no connection strings, no SQL. */
      reason: 'database-unreachable' | 'migrations-pending' | 'migrations-diverged';
      /** The migrations concerned, when the reason is about migrations. */
      migrations?: string[];
    };

export interface ReadinessOptions extends Pick<MigrateOptions, 'migrationsDir'> {
  /** How long the database may take to answer before the check says unreachable. Default 2000 ms. */
  timeoutMs?: number;
}

/** The migration runner's SQL surface over Prisma's connection (read-only queries only here). */
function prismaExecutor(db: Database): SqlExecutor {
  return {
    async query<Row extends object>(sql: string, params: unknown[] = []) {
      return db.prisma.$queryRawUnsafe<Row[]>(sql, ...params);
    },
    async exec(script) {
      await db.prisma.$executeRawUnsafe(script);
    },
  };
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Reads the migration history (never changes anything). Failures become a reason, not a throw. */
export async function checkReadiness(
  db: Database,
  options: ReadinessOptions = {},
): Promise<Readiness> {
  let status;
  try {
    status = await within(
      pendingMigrations(prismaExecutor(db), { migrationsDir: options.migrationsDir }),
      options.timeoutMs ?? 2000,
    );
  } catch {
    return { ready: false, reason: 'database-unreachable' };
  }
  const diverged = [...status.modified, ...status.missing, ...status.failed];
  if (diverged.length > 0)
    return { ready: false, reason: 'migrations-diverged', migrations: diverged };
  if (status.pending.length > 0)
    return { ready: false, reason: 'migrations-pending', migrations: status.pending };
  return { ready: true };
}
