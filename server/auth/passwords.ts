import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (OWASP-compliant memory and time cost).
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Verifies against a throwaway hash so an unknown username costs as much time as a known one. */
export async function burnVerifyTime(password: string): Promise<void> {
  dummyHash ??= hash('regie-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}
