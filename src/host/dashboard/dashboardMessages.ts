import { webviewMessageSchema } from '../../shared/protocol';
import type { WebviewMessage, WebviewMessageType } from '../../shared/protocol';
import type { CommandName } from '../commands/commandIds';
import type { Services } from '../services';
import { writeMyReview } from '../commands/myReview';
import { periodOf } from '../../core/accomplishments/period';
import { start } from '../actions/start';
import { acceptSuggestion, addSubgoal, logWin, saveCue, togglePause } from '../actions/inSession';
import { endSession } from '../actions/end';
import type { Notice } from '../actions/notices';
import { deleteRecord, editRecord } from '../actions/records';
import { activeSession, SessionError } from '../../core/practices/session';
import { clip } from '../../core/text';
import { t } from '../../core/l10n';

export interface DashboardPort {
  sendSnapshot(): void;
  /** What an action said, shown in the view the user is looking at. */
  sendNotices(notices: readonly Notice[]): void;
  sendError(text: string): void;
}

type Handlers = { [K in WebviewMessageType]: (message: Extract<WebviewMessage, { type: K }>) => Promise<void> };

/**
 * Handles what the dashboard posts. Every message is validated once with safeParse and handed to the
 * same action the palette calls; one that does not parse, or that the action refuses, changes nothing
 * and never throws.
 */
export function createDashboardHandler(ctx: Services, port: DashboardPort) {
  const show = async (done: Promise<{ notices: Notice[] }>) => port.sendNotices((await done).notices);
  const handlers: Handlers = {
    ready: (m) => {
      if (m.zone) ctx.learnTimeZone(m.zone);
      return Promise.resolve(port.sendSnapshot());
    },
    startSession: (m) => show(start(ctx, m.answers)),
    addSubgoal: (m) => show(addSubgoal(ctx, m.answers)),
    logWin: (m) => show(logWin(ctx, m.answers)),
    togglePause: (m) => show(togglePause(ctx, { sessionId: m.sessionId })),
    endSession: (m) => show(endSession(ctx, m.answers)),
    acceptSuggestion: (m) => show(acceptSuggestion(ctx, { id: m.id })),
    dismissSuggestion: (m) => Promise.resolve(ctx.suggestions.dismiss(m.id)),
    saveCue: (m) => show(saveCue(ctx, m.instruction)),
    setWinAuthor: (m) => show(editRecord(ctx, { kind: 'win', id: m.id, by: m.by })),
    deleteWin: async (m) => {
      const win = activeSession(ctx.store.live)?.wins.find((w) => w.id === m.id);
      if (!win) throw new SessionError(t('That win is no longer there.'));
      if (await ctx.ui.confirm(t('Delete the win "{0}"? This cannot be undone.', clip(win.text, 60)), t('Delete'))) await show(deleteRecord(ctx, 'win', m.id));
    },
    writeReview: (m) => writeMyReview(ctx, m.period ? { period: periodOf(m.period, ctx.clock()) } : {}),
    run: (m) => ctx.run(m.action satisfies CommandName),
  };

  return async (raw: unknown): Promise<void> => {
    const parsed = webviewMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    try {
      await (handlers[message.type] as (m: WebviewMessage) => Promise<void>)(message);
    } catch (error) {
      port.sendError(error instanceof Error ? error.message : t('That action could not be completed.'));
      port.sendSnapshot();
    }
  };
}
