import * as vscode from 'vscode';
import type { HostMessage, RecordLine } from '../../shared/protocol';
import { createDashboardHandler } from './dashboardMessages';
import type { Services } from '../services';
import { buildSnapshotFromView, EVIDENCE_WINS } from './snapshot';
import { dashboardView, unreadable } from '../storage/views';
import { t } from '../../core/l10n';
import { createNonce, webviewHtml } from '../platform/webviewPage';

export const DASHBOARD_VIEW_ID = 'smallWins.dashboard';

/** The sidebar dashboard. The webview only renders snapshots and posts intents; the host owns data and time. */
export class DashboardProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  #view: vscode.WebviewView | undefined;
  readonly #disposables: vscode.Disposable[] = [];
  #snapshotRequests = 0;
  readonly #assets: vscode.Uri;

  readonly #ctx: Services;
  readonly #record: () => RecordLine | undefined;

  /** `record`: what to say of where the record lives (the journal folder). */
  constructor(extensionUri: vscode.Uri, ctx: Services, record: () => RecordLine | undefined) {
    this.#ctx = ctx;
    this.#record = record;
    this.#assets = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    this.#disposables.push(
      ctx.store.onDidChange(() => this.sendSnapshot()),
      ctx.suggestions.onDidChange(() => this.sendSnapshot()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('smallWins') && this.sendSnapshot()),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.#view = view;
    view.webview.options = { enableScripts: true, localResourceRoots: [this.#assets] };
    view.webview.html = this.#html(view.webview);
    const handle = createDashboardHandler(this.#ctx, {
      sendSnapshot: () => this.sendSnapshot(),
      sendNotices: (notices) => notices.length > 0 && this.#post({ type: 'feedback', text: notices.map((n) => n.text).join(' ') }),
      sendError: (text) => this.#post({ type: 'error', text }),
    });
    const subscriptions = [
      view.webview.onDidReceiveMessage((message: unknown) => handle(message)),
      view.onDidChangeVisibility(() => {
        if (!view.visible) return;
        this.#ctx.store.refresh();
        this.sendSnapshot();
      }),
    ];
    view.onDidDispose(() => {
      for (const d of subscriptions) d.dispose();
      if (this.#view === view) this.#view = undefined;
    });
  }

  sendSnapshot(): void {
    if (!this.#view?.visible) return;
    // Built from the archive's per-month aggregates and the recent records (not the whole history); only the newest request is posted.
    const request = ++this.#snapshotRequests;
    const now = this.#ctx.clock();
    const defaults = this.#ctx.defaults.get();
    void dashboardView(this.#ctx.store, now, defaults.lastDomainId, EVIDENCE_WINS).then((view) => {
      if (request !== this.#snapshotRequests) return;
      const snapshot = buildSnapshotFromView(view, now, this.#ctx.settings(), defaults, this.#ctx.suggestions.list(), this.#ctx.language);
      const record = this.#record();
      this.#post({ type: 'snapshot', snapshot: record ? { ...snapshot, record } : snapshot });
      // Saying it is a courtesy: a history that cannot be read is reported by the snapshot's own path.
      this.#sayUndoneEdits().catch(() => undefined);
    }, (error: unknown) => {
      if (request === this.#snapshotRequests) this.#post({ type: 'error', text: unreadable(error) });
    });
  }

  /** A saved change another copy has since replaced or deleted, said once, here rather than in a notification. */
  async #sayUndoneEdits(): Promise<void> {
    if (this.#ctx.edits.watching === 0) return;
    const lines = this.#ctx.edits.undone(await this.#ctx.store.history());
    if (lines.length > 0) this.#post({ type: 'feedback', text: lines.join(' ') });
  }

  #post(message: HostMessage): void {
    void this.#view?.webview.postMessage(message);
  }

  #html(webview: vscode.Webview): string {
    const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.#assets, name)).toString();
    const source = webview.cspSource;
    return webviewHtml({
      nonce: createNonce(),
      sources: [`img-src ${source} data:`, `style-src ${source}`, `font-src ${source}`],
      language: vscode.env.language,
      // The dashboard's strings in the display language: the translations VS Code loaded for this extension.
      translations: vscode.l10n.bundle ?? {},
      title: t('Small Wins'),
      loading: t('Loading…'),
      stylesheets: [{ href: asset('codicon.css'), id: 'vscode-codicon-stylesheet' }, { href: asset('dashboard.css') }, { href: asset('figures.css') }],
      script: asset('main.js'),
      // The charts' script, which the view adds after its first render (webview/figures/lazy.ts).
      after: `<div id="announcer" class="visually-hidden" role="status" aria-live="polite"></div>\n<div id="figures-script" hidden data-src="${attribute(asset('figures.js'))}"></div>`,
    });
  }

  dispose(): void {
    for (const d of this.#disposables) d.dispose();
  }
}

/** A URI in a double-quoted attribute. */
function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
