import { activeSession, isPaused } from '../../core/session';
import type { CommandName } from '../commandIds';
import type { FlowContext } from './context';
import type { PickItem } from '../ui';
import { t } from '../../core/l10n';
import { sourceLabel } from '../../core/suggestions';

/** The status-bar click: in-session actions while a session runs, otherwise the way in. */
export async function sessionMenu(ctx: FlowContext, runCommand: (name: CommandName) => Promise<void>): Promise<void> {
  const session = activeSession(ctx.store.live);
  type Choice = CommandName | { accept: string };
  const suggested: PickItem<Choice>[] = session
    ? ctx.suggestions.list().map((s) => ({ label: t('$(lightbulb) Log as a win? {0}', s.text), description: sourceLabel(s.source), value: { accept: s.id } }))
    : [];
  const always: PickItem<Choice>[] = [
    { label: t('$(history) Show My Evidence'), value: 'showEvidence' },
    { label: t('$(graph) Open Dashboard'), value: 'openDashboard' },
  ];
  const items: PickItem<Choice>[] = session
    ? [
        ...suggested,
        { label: t('$(star-full) Log a Win'), value: 'logWin' },
        { label: t('$(add) Add Subgoal'), value: 'addSubgoal' },
        { label: t('$(comment-discussion) Instructional Self-Talk'), value: 'selfTalk' },
        { label: t('$(pulse) Reframe Arousal'), value: 'reframeArousal' },
        { label: isPaused(session) ? t('$(debug-start) Resume') : t('$(debug-pause) Pause'), value: 'togglePause' },
        { label: t('$(checklist) End Session and Review'), value: 'endSession' },
        ...always,
      ]
    : [{ label: t('$(play) Start Focus Session'), value: 'startSession' }, ...always];
  const picked = await ctx.ui.pick(items, { title: t('Small Wins'), placeholder: session ? t('Session actions') : t('No session running') });
  if (picked === undefined) return;
  if (typeof picked === 'string') await runCommand(picked);
  else if (await ctx.suggestions.accept(picked.accept)) void ctx.ui.info(t('Logged the suggested win.'));
}
