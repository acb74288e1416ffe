import { activeSession, isPaused } from '../../core/practices/session';
import type { CommandName } from './commandIds';
import type { Services } from '../services';
import type { PickItem } from '../platform/ui';
import { t } from '../../core/l10n';
import { acceptSuggestion } from '../actions/inSession';
import { presentWin } from './present';
import { sourceLabel } from '../../core/practices/suggestions';

/** The status-bar click: in-session actions while a session runs, otherwise the way in. */
export async function sessionMenu(ctx: Services, runCommand: (name: CommandName) => Promise<void>): Promise<void> {
  const session = activeSession(ctx.store.live);
  type Choice = CommandName | { accept: string };
  const suggested: PickItem<Choice>[] = session
    ? ctx.suggestions.list().map((s) => ({ icon: 'lightbulb', label: t('Log as a win? {0}', s.text), description: sourceLabel(s.source), value: { accept: s.id } }))
    : [];
  const always: PickItem<Choice>[] = [
    { icon: 'history', label: t('Show My Evidence'), value: 'showEvidence' },
    { icon: 'graph', label: t('Open Dashboard'), value: 'openDashboard' },
  ];
  const items: PickItem<Choice>[] = session
    ? [
        ...suggested,
        { icon: 'star-full', label: t('Log a Win'), value: 'logWin' },
        { icon: 'add', label: t('Add Subgoal'), value: 'addSubgoal' },
        { icon: 'comment-discussion', label: t('Instructional Self-Talk'), value: 'selfTalk' },
        { icon: 'pulse', label: t('Reframe Arousal'), value: 'reframeArousal' },
        isPaused(session) ? { icon: 'debug-start', label: t('Resume'), value: 'togglePause' } : { icon: 'debug-pause', label: t('Pause'), value: 'togglePause' },
        { icon: 'checklist', label: t('End Session and Review'), value: 'endSession' },
        ...always,
      ]
    : [{ icon: 'play', label: t('Start Focus Session'), value: 'startSession' }, ...always];
  const picked = await ctx.ui.pick(items, { title: t('Small Wins'), placeholder: session ? t('Session actions') : t('No session running') });
  if (picked === undefined) return;
  if (typeof picked === 'string') await runCommand(picked);
  else await presentWin(ctx, await acceptSuggestion(ctx, { id: picked.accept }));
}
