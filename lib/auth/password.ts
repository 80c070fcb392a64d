// Password hashing with argon2id (@node-rs/argon2, a maintained Rust binding; OWASP parameters:
// 19 MiB memory, 2 iterations, 1 lane). No hand-rolled crypto here.
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 8;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// A real hash of a throwaway password: verifying against it costs as much as verifying a real
// account, so "unknown user" and "wrong password" take the same time.
let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hash('dummy-password-for-timing', OPTIONS);
  return dummy;
}

/** Checks a password; a missing or unusable stored hash still spends the time of one verify. */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash || !storedHash.startsWith('$argon2')) {
    await verify(await dummyHash(), password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
