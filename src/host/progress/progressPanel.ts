import * as vscode from 'vscode';
import type { ProgressHostMessage, ProgressSnapshot } from '../../shared/progressProtocol';
import type { Services } from '../services';
import type { WorkspaceDefaults } from '../../core/records/schema';
import { createNonce } from '../platform/webviewPage';
import { createProgressHandler } from './progressMessages';
import { progressHtml } from './progressHtml';
import { buildProgressSnapshotFromView } from './progressSnapshot';
import { historyView, unreadable } from '../storage/views';
import { t } from '../../core/l10n';
import { dayAfter } from '../../core/accomplishments/period';
import { guarded } from '../commands/guarded';
import { writeMyReview } from '../commands/myReview';

export const PROGRESS_VIEW_TYPE = 'smallWins.progress';

/**
 * The Progress tab: one editor panel, opened or revealed by `show`, or restored after a reload. Like
 * the sidebar it renders the host's snapshots; a hidden tab's page is destroyed (no
 * retainContextWhenHidden) and asks again when it is shown; the range and domains chosen are kept
 * in the workspace's defaults.
 */
export class ProgressPanel implements vscode.Disposable {
  #panel: vscode.WebviewPanel | undefined;
  /** What the last snapshot showed: the domains a choice can hide, and the range and domains a review from the tab covers. */
  #shown: Pick<ProgressSnapshot, 'from' | 'domains'> | undefined;
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
    // A tab left open reopens after a reload or a restart, with the range it showed.
    const serializer = vscode.window.registerWebviewPanelSerializer(PROGRESS_VIEW_TYPE, {
      deserializeWebviewPanel: (panel) => Promise.resolve(this.#adopt(panel)),
    });
    this.#subscription = vscode.Disposable.from(subscription, serializer);
  }

  show(): void {
    if (this.#panel) {
      this.#panel.reveal();
      return;
    }
    this.#adopt(vscode.window.createWebviewPanel(PROGRESS_VIEW_TYPE, t('Small Wins: Progress'), vscode.ViewColumn.Active, this.#options()));
  }

  #options(): vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [this.#assets] };
  }

  /** Fills a panel, new or restored after a reload or a restart. */
  #adopt(panel: vscode.WebviewPanel): void {
    if (this.#panel && this.#panel !== panel) this.#panel.dispose();
    panel.iconPath = this.#icon;
    this.#panel = panel;
    const webview = panel.webview;
    webview.options = this.#options();
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
    // What the user chose is kept per workspace, so the tab opens as it was left, after a reload too;
    // a choice that could not be saved still shows now (the in-memory value is set at once).
    const keep = (choice: WorkspaceDefaults) => void this.#ctx.defaults.set(choice).catch(() => undefined);
    const handle = createProgressHandler({
      sendSnapshot: () => this.#sendSnapshot(),
      learnTimeZone: (name) => this.#ctx.learnTimeZone(name),
      setRange: (range) => keep({ progressRange: range }),
      showDomains: (ids) => {
        const shown = new Set(ids);
        keep({ progressHidden: (this.#shown?.domains ?? []).filter((d) => !shown.has(d.id)).map((d) => d.id) });
      },
      writeReview: () => {
        const shown = this.#shown;
        const now = this.#ctx.clock();
        // From the range's first day to the end of today, the domains the tab shows.
        void guarded(this.#ctx, (ctx) => writeMyReview(ctx, shown ? { period: { from: shown.from, to: dayAfter(now) }, domainIds: shown.domains.filter((d) => d.shown).map((d) => d.id) } : {}));
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

  /** Draws the tab again, when it is open (days are cut otherwise now). */
  refresh(): void {
    this.#sendSnapshot();
  }

  #sendSnapshot(): void {
    const panel = this.#panel;
    if (!panel?.visible) return;
    // Built from the archive's per-month aggregates and the live records, not the whole history; only the newest request is posted.
    const request = ++this.#snapshotRequests;
    const now = this.#ctx.clock();
    void historyView(this.#ctx.store, now).then((view) => {
      if (request !== this.#snapshotRequests || this.#panel !== panel) return;
      const { progressRange, progressHidden } = this.#ctx.defaults.get();
      const snapshot = buildProgressSnapshotFromView(view, now, { range: progressRange ?? '3m', hidden: new Set(progressHidden) });
      this.#shown = { from: snapshot.from, domains: snapshot.domains };
      const message: ProgressHostMessage = { type: 'snapshot', snapshot };
      void panel.webview.postMessage(message);
    }, (error: unknown) => {
      // Said in the tab, which would otherwise wait for a snapshot for ever.
      if (request !== this.#snapshotRequests || this.#panel !== panel) return;
      const message: ProgressHostMessage = { type: 'error', text: unreadable(error) };
      void panel.webview.postMessage(message);
    });
  }

  dispose(): void {
    this.#subscription.dispose();
    this.#panel?.dispose();
  }
}
