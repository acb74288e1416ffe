import * as vscode from 'vscode';
import type { ProgressHostMessage } from '../../shared/progressProtocol';
import type { ProgressRange } from '../../core/progress';
import type { Services } from '../services';
import { createNonce } from '../platform/webviewPage';
import { createProgressHandler } from './progressMessages';
import { progressHtml } from './progressHtml';
import { buildProgressSnapshotFromView } from './progressSnapshot';
import { historyView } from '../storage/views';
import { t } from '../../core/l10n';

export const PROGRESS_VIEW_TYPE = 'smallWins.progress';

/**
 * The Progress tab: one editor panel, opened or revealed by `show`. Like the sidebar it renders the
 * host's snapshots; a hidden tab's page is destroyed (no retainContextWhenHidden) and asks again
 * when it is shown, so only the range and domains chosen are kept here.
 */
export class ProgressPanel implements vscode.Disposable {
  #panel: vscode.WebviewPanel | undefined;
  #range: ProgressRange = '3m';
  #hidden = new Set<string>();
  /** The domains the last snapshot offered: the ones a choice can hide. */
  #offered: string[] = [];
  #snapshotRequests = 0;
  readonly #assets: vscode.Uri;
  readonly #icon: vscode.Uri;
  readonly #ctx: Services;
  readonly #subscription: vscode.Disposable;

  constructor(extensionUri: vscode.Uri, ctx: Services) {
    this.#ctx = ctx;
    this.#assets = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    this.#icon = vscode.Uri.joinPath(extensionUri, 'media', 'small-wins.svg');
    const subscription = ctx.store.onDidChange(() => this.#sendSnapshot());
    this.#subscription = { dispose: () => subscription.dispose() };
  }

  show(): void {
    if (this.#panel) {
      this.#panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(PROGRESS_VIEW_TYPE, t('Small Wins: Progress'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [this.#assets],
    });
    panel.iconPath = this.#icon;
    this.#panel = panel;
    const webview = panel.webview;
    const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.#assets, name)).toString();
    webview.html = progressHtml({
      nonce: createNonce(),
      cspSource: webview.cspSource,
      asset,
      language: vscode.env.language,
      translations: vscode.l10n.bundle ?? {},
      title: t('Small Wins: Progress'),
      loading: t('Loading…'),
    });
    const handle = createProgressHandler({
      sendSnapshot: () => this.#sendSnapshot(),
      setRange: (range) => (this.#range = range),
      showDomains: (ids) => {
        const shown = new Set(ids);
        this.#hidden = new Set(this.#offered.filter((id) => !shown.has(id)));
      },
    });
    const subscriptions = [
      webview.onDidReceiveMessage((message: unknown) => handle(message)),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) return;
        this.#ctx.store.refresh();
        this.#sendSnapshot();
      }),
    ];
    panel.onDidDispose(() => {
      for (const d of subscriptions) d.dispose();
      if (this.#panel === panel) this.#panel = undefined;
    });
  }

  #sendSnapshot(): void {
    const panel = this.#panel;
    if (!panel?.visible) return;
    // Built from the archive's per-month aggregates and the live records, not the whole history; only the newest request is posted.
    const request = ++this.#snapshotRequests;
    const now = this.#ctx.clock();
    void historyView(this.#ctx.store, now).then((view) => {
      if (request !== this.#snapshotRequests || this.#panel !== panel) return;
      const snapshot = buildProgressSnapshotFromView(view, now, { range: this.#range, hidden: this.#hidden });
      this.#offered = snapshot.domains.map((d) => d.id);
      const message: ProgressHostMessage = { type: 'snapshot', snapshot };
      void panel.webview.postMessage(message);
    });
  }

  dispose(): void {
    this.#subscription.dispose();
    this.#panel?.dispose();
  }
}
