import { arousalReframes } from '../../core/practices/reframe';
import { openSubgoals } from '../../core/practices/session';
import type { Subgoal } from '../../core/records/schema';
import { addSubgoal as addSubgoalAction, keepReframe, logWin, togglePause as togglePauseAction } from '../actions/inSession';
import type { Services } from '../services';
import { requireSession, textProblem } from './prompts';
import { planSubgoal } from './start';
import { present, presentWin } from './present';
import { t } from '../../core/l10n';
import { answers } from '../../core/practices/answered';
import type { SubgoalAnswers, WinAnswers } from '../../core/practices/answers';
import { winPractice } from '../../core/practices/inSession';
import { textProblem as problemWith } from '../../core/practices/question';

export async function addSubgoal(ctx: Services): Promise<void> {
  const session = await requireSession(ctx);
  if (!session) return;
  const goals = await planSubgoal(ctx, t('Small Wins: Add Subgoal'));
  if (!goals) return;
  present(ctx, (await addSubgoalAction(ctx, answers<SubgoalAnswers>({ sessionId: session.id, goals }))).notices);
}

/**
 * One compose box: typing names a micro-win and Enter logs it; the open subgoals are its rows, to mark
 * one done. The most frequent action of a session costs one interaction, and nothing typed is lost.
 */
export async function logAWin(ctx: Services): Promise<void> {
  const session = await requireSession(ctx);
  if (!session) return;
  const subgoals = openSubgoals(session);
  const composed = await ctx.ui.compose<Subgoal>({
    title: t('Small Wins: Log a Win'),
    placeholder: subgoals.length > 0 ? t('Type a micro-win, or pick the subgoal you finished') : winPractice.text.prompt(),
    items: subgoals.map((g) => ({ icon: 'pass', label: g.text, description: t('subgoal · confidence {0}/10', g.confidence), value: g })),
    buttons: [],
    typedHint: t('log this micro-win'),
    validate: (typed) => problemWith(winPractice.text, typed),
  });
  if (!composed || composed.kind === 'button') return;
  const [subgoalId, text] = composed.kind === 'item' ? [composed.value.id, undefined] : [undefined, composed.text];
  // Who did it is the user, unless they say otherwise on the win (its credit button, or Edit or Delete).
  await presentWin(ctx, await logWin(ctx, answers<WinAnswers>({ sessionId: session.id, subgoalId, text, by: undefined })));
}

export async function togglePause(ctx: Services): Promise<void> {
  const session = await requireSession(ctx);
  if (!session) return;
  present(ctx, (await togglePauseAction(ctx, { sessionId: session.id })).notices);
}

/** Reappraises a bodily signal as readiness: pick one, or type your own in the same box; the action keeps it on the running session if there is one. */
export async function reframeArousal(ctx: Services): Promise<void> {
  const composed = await ctx.ui.compose<ReturnType<typeof arousalReframes>[number]>({
    title: t('Small Wins: Reframe Arousal'),
    placeholder: t('What do you notice in your body right now? Pick one, or type your own'),
    items: arousalReframes().map((r) => ({ label: r.signal, value: r })),
    buttons: [],
    typedHint: t('what I notice'),
    validate: textProblem(t('the signal')),
  });
  if (!composed || composed.kind === 'button') return;
  const { signal, reframe } = composed.kind === 'item' ? composed.value : { signal: composed.text, reframe: t('My body is getting ready: this energy can go into the next small step.') };
  const keep = t('Keep this reframe');
  const choice = await ctx.ui.info(`${signal}: ${reframe}`, keep);
  if (choice !== keep) return;
  present(ctx, (await keepReframe(ctx, { signal, reframe })).notices);
}

