import { hash, verify } from '@node-rs/argon2';

/** An argon2id hash (the library default algorithm) (PHC string) of a password. */
export function hashPassword(plain: string): Promise<string> {
  return hash(plain, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

/** True when `plain` matches the argon2 `hash`; false (never a throw) for a malformed hash. */
export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(passwordHash, plain);
  } catch {
    return false;
  }
}
