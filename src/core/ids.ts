/** Random ids from the platform's CSPRNG (Node and browsers both expose Web Crypto). */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
