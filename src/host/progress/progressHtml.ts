import { webviewHtml } from '../platform/webviewPage';

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
  return webviewHtml({
    nonce: p.nonce,
    sources: [`style-src ${p.cspSource}`],
    language: p.language,
    translations: p.translations,
    title: p.title,
    loading: p.loading,
    stylesheets: [{ href: p.asset('dashboard.css') }, { href: p.asset('progress.css') }],
    script: p.asset('progress.js'),
  });
}
