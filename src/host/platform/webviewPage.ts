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

/** A Small Wins webview page: a strict CSP with one nonce'd script, the translations as data, a busy main element until the first render. */
export interface WebviewPage {
  nonce: string;
  /** CSP directives beside `default-src 'none'` and the script's nonce (the page's own files, images, fonts). */
  sources: readonly string[];
  language: string;
  /** The translations VS Code loaded for this extension (message → translation). */
  translations: Readonly<Record<string, string>>;
  title: string;
  loading: string;
  stylesheets: readonly { href: string; id?: string }[];
  script: string;
  /** Markup after the main element: the dashboard's live region. */
  after?: string;
}

export function webviewHtml(p: WebviewPage): string {
  const csp = ["default-src 'none'", ...p.sources, `script-src 'nonce-${p.nonce}'`].join('; ');
  const links = p.stylesheets.map((s) => `<link rel="stylesheet" href="${s.href}"${s.id ? ` id="${s.id}"` : ''}>`).join('\n');
  return `<!DOCTYPE html>
<html lang="${languageTag(p.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${links}
<title>${escapeText(p.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="muted">${escapeText(p.loading)}</p></main>
<script type="application/json" id="translations">${scriptJson(p.translations)}</script>${p.after ? `\n${p.after}` : ''}
<script nonce="${p.nonce}" src="${p.script}"></script>
</body>
</html>`;
}

/** Translated words in markup: a translation is text, never markup. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
