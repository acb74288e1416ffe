import { languageTag, scriptJson } from '../platform/webviewPage';

export interface ProgressPage {
  nonce: string;
  /** The webview's `cspSource`: where the extension's own files are served from. */
  cspSource: string;
  /** The webview URI of a file in the built webview assets. */
  asset: (name: string) => string;
  language: string;
  /** The translations VS Code loaded for this extension (message → translation). */
  translations: Readonly<Record<string, string>>;
  title: string;
  loading: string;
}

/**
 * The Progress tab's page. Styles only from the extension's files: Plot's own `<style>` element is
 * removed before a chart is attached (see webview/progress/plotChart.ts), and the few styles set from
 * script go through the CSSOM, which a CSP does not govern.
 */
export function progressHtml(p: ProgressPage): string {
  const csp = ["default-src 'none'", `style-src ${p.cspSource}`, `script-src 'nonce-${p.nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="${languageTag(p.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${p.asset('dashboard.css')}">
<link rel="stylesheet" href="${p.asset('progress.css')}">
<title>${escapeText(p.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="muted">${escapeText(p.loading)}</p></main>
<script type="application/json" id="translations">${scriptJson(p.translations)}</script>
<script nonce="${p.nonce}" src="${p.asset('progress.js')}"></script>
</body>
</html>`;
}

/** Translated words in markup: a translation is text, never markup. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
