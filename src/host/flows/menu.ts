import { activeSession, isPaused } from '../../core/session';
import type { CommandName } from '../commandIds';
import type { FlowContext } from './context';
import type { PickItem } from '../ui';

/** The status-bar click: in-session actions while a session runs, otherwise the way in. */
export async function sessionMenu(ctx: FlowContext, runCommand: (name: CommandName) => Promise<void>): Promise<void> {
  const session = activeSession(ctx.store.live);
  type Choice = CommandName | { accept: string };
  const suggested: PickItem<Choice>[] = session
    ? ctx.suggestions.list().map((s) => ({ label: `$(lightbulb) Log as a win? ${s.text}`, description: s.source, value: { accept: s.id } }))
    : [];
  const items: PickItem<Choice>[] = session
    ? [
        ...suggested,
        { label: '$(star-full) Log a Win', value: 'logWin' },
        { label: '$(add) Add Subgoal', value: 'addSubgoal' },
        { label: '$(comment-discussion) Instructional Self-Talk', value: 'selfTalk' },
        { label: '$(pulse) Reframe Arousal', value: 'reframeArousal' },
        { label: isPaused(session) ? '$(debug-start) Resume' : '$(debug-pause) Pause', value: 'togglePause' },
        { label: '$(checklist) End Session and Review', value: 'endSession' },
        { label: '$(history) Show My Evidence', value: 'showEvidence' },
        { label: '$(graph) Open Dashboard', value: 'openDashboard' },
      ]
    : [
        { label: '$(play) Start Focus Session', value: 'startSession' },
        { label: '$(history) Show My Evidence', value: 'showEvidence' },
        { label: '$(graph) Open Dashboard', value: 'openDashboard' },
      ];
  const picked = await ctx.ui.pick(items, { title: 'Small Wins', placeholder: session ? 'Session actions' : 'No session running' });
  if (picked === undefined) return;
  if (typeof picked === 'string') await runCommand(picked);
  else if (await ctx.suggestions.accept(picked.accept)) void ctx.ui.info('Logged the suggested win.');
}
