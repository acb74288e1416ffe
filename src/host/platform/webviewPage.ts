/**
 * What every Small Wins webview page is built with. No vscode import, so a test can build the very
 * page a webview gets and load it in a browser.
 */

/** "de", "pt-br": only the characters a language tag has, so it is safe in an attribute. */
export function languageTag(value: string): string {
  return value.replace(/[^A-Za-z0-9-]/g, '');
}

/** 128 bits from the platform CSPRNG, base64: a CSP nonce nobody can guess. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** JSON for a `<script type="application/json">` element: "<" escaped, so no text in it can end the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
