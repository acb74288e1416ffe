import { endWithReview, reviewFeedback } from '../../core/review';
import { addDomain, domainById } from '../../core/journal';
import { activeSession, addSubgoals, isPaused, liveSubgoals, logWin, newSubgoal, pause, resume, startSession, updateRunning } from '../../core/session';
import type { Journal, Outcome, Subgoal } from '../../core/schema';
import { webviewMessageSchema } from '../../shared/protocol';
import type { WebviewMessage, WebviewMessageType } from '../../shared/protocol';
import type { CommandName } from '../commands/commandIds';
import type { Services } from '../services';
import { t } from '../../core/l10n';

export interface DashboardPort {
  sendSnapshot(): void;
  sendFeedback(text: string): void;
  sendError(text: string): void;
}

type Handlers = { [K in WebviewMessageType]: (message: Extract<WebviewMessage, { type: K }>) => Promise<void> };

/** Thrown for a message that is well-formed but does not fit the journal (an ended session, say). */
class Refused extends Error {}

function running(journal: Journal, sessionId: string) {
  const session = activeSession(journal);
  if (!session || session.id !== sessionId) throw new Refused(t('That session is no longer running.'));
  return session;
}

/**
 * Handles what the dashboard posts. Every message is validated once with safeParse; one that does not
 * parse, or does not fit the journal, changes nothing and never throws.
 */
export function createDashboardHandler(ctx: Services, port: DashboardPort) {
  const change = (fn: (journal: Journal) => Journal) => ctx.store.apply(fn);
  const handlers: Handlers = {
    ready: () => Promise.resolve(port.sendSnapshot()),
    startSession: async (m) => {
      await ctx.store.update((journal) => {
        if (activeSession(journal)) throw new Refused(t('A focus session is already running.'));
        const now = ctx.clock();
        let next = journal;
        let domainId: string;
        if (m.domain.kind === 'existing') {
          if (!domainById(journal, m.domain.id)) throw new Refused(t('That domain no longer exists.'));
          domainId = m.domain.id;
        } else {
          const added = addDomain(journal, m.domain.name, now);
          next = added.journal;
          domainId = added.domain.id;
        }
        const goals: Subgoal[] = [];
        for (const draft of m.goals) goals.push(newSubgoal(draft.text, draft.confidence, now, goals[goals.length - 1]?.id));
        const started = startSession(
          next,
          { domainId, workspace: ctx.workspaceLabel(), subgoals: goals, ...(m.plannedMinutes ? { plannedMinutes: m.plannedMinutes } : {}) },
          now,
        );
        return { journal: started.journal, result: domainId };
      }).then((domainId) => ctx.defaults.set({ lastDomainId: domainId, plannedMinutes: m.plannedMinutes }));
    },
    addSubgoal: (m) =>
      change((j) => {
        running(j, m.sessionId);
        return updateRunning(j, m.sessionId, (s) => addSubgoals(s, [newSubgoal(m.goal.text, m.goal.confidence, ctx.clock())]));
      }),
    logWin: (m) =>
      change((j) => {
        const session = running(j, m.sessionId);
        const goal = m.subgoalId ? liveSubgoals(session).find((g) => g.id === m.subgoalId && g.doneAt === undefined) : undefined;
        if (m.subgoalId && !goal) throw new Refused(t('That subgoal is not open in this session.'));
        const text = goal?.text ?? m.text;
        if (!text) throw new Refused(t('Name the win first.'));
        return updateRunning(j, m.sessionId, (s) => logWin(s, { text, ...(goal ? { subgoalId: goal.id } : {}) }, ctx.clock()).session);
      }),
    togglePause: (m) =>
      change((j) => {
        const session = running(j, m.sessionId);
        const now = ctx.clock();
        return updateRunning(j, m.sessionId, (s) => (isPaused(session) ? resume(s, now) : pause(s, now)));
      }),
    endSession: async (m) => {
      const feedback = await ctx.store.update((j) => {
        const session = running(j, m.sessionId);
        const goals = liveSubgoals(session);
        const outcomes: Record<string, Outcome> = {};
        for (const g of goals) {
          const outcome = m.outcomes.find((o) => o.subgoalId === g.id)?.outcome;
          if (!outcome) throw new Refused(t('Choose met, partly or missed for "{0}".', g.text));
          outcomes[g.id] = outcome;
        }
        const text = reviewFeedback(session, outcomes, m.attribution, domainById(j, session.domainId)?.name ?? t('this domain'));
        const now = ctx.clock();
        const review = { at: now, attribution: m.attribution, feedback: text, ...(m.slip && Object.values(outcomes).includes('missed') ? { slip: m.slip } : {}) };
        return { journal: endWithReview(j, session.id, outcomes, review, now), result: text };
      });
      port.sendFeedback(feedback);
    },
    acceptSuggestion: async (m) => {
      if (!(await ctx.suggestions.accept(m.id))) throw new Refused(t('That suggestion is no longer there.'));
    },
    dismissSuggestion: (m) => Promise.resolve(ctx.suggestions.dismiss(m.id)),
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
