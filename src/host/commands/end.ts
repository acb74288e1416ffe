import { CAUSE_DEFAULTS, causeLabel, dimensionQuestions, outcomeChoices } from '../../core/attribution';
import { duePrompts } from '../../core/due';
import { liveSubgoals } from '../../core/session';
import { CAUSE_KINDS } from '../../core/schema';
import type { Attribution, CauseKind, Outcome, SlipReview } from '../../core/schema';
import { domainLabel } from '../../core/journal';
import { clip } from '../../core/text';
import { endSession } from '../actions/end';
import { present } from './present';
import type { Services } from '../services';
import { askText, requireSession } from './prompts';
import type { PickItem } from '../platform/ui';
import { t } from '../../core/l10n';

const title = () => t('Small Wins: End Session');

/**
 * End & review: outcome per subgoal, attribution review (cause and three dimensions), feedback from
 * the seeds, and a slip review when something was missed. Escape at any step leaves the session running.
 */
export async function endAndReview(ctx: Services): Promise<void> {
  const session = await requireSession(ctx);
  if (!session) return;
  const outcomes: { subgoalId: string; outcome: Outcome }[] = [];
  const choices: PickItem<Outcome>[] = outcomeChoices().map((o) => ({ icon: o.icon, label: o.label, value: o.value }));
  for (const goal of liveSubgoals(session)) {
    const picked = await ctx.ui.pick(choices, {
      title: title(),
      placeholder: t('How did it go: "{0}"?', clip(goal.text, 70)),
      active: goal.doneAt !== undefined ? 'met' : undefined,
    });
    if (!picked) return cancelled(ctx);
    outcomes.push({ subgoalId: goal.id, outcome: picked });
  }
  const attribution = await askAttribution(ctx);
  if (!attribution) return cancelled(ctx);
  let slip: SlipReview | undefined;
  if (outcomes.some((o) => o.outcome === 'missed')) {
    const review = t('Review the slip');
    const choice = await ctx.ui.info(t('Something was missed: a one-minute slip review turns it into a tweak for tomorrow.'), review, t('Skip'));
    if (choice === review) slip = await askSlip(ctx);
  }
  present(ctx.ui, (await endSession(ctx, { sessionId: session.id, outcomes, attribution, ...(slip ? { slip } : {}) })).notices);
  const due = duePrompts(await ctx.store.history(), ctx.clock(), ctx.settings().reassessmentIntervalDays);
  if (due.reassess.includes(session.domainId)) {
    const rate = t('Rate now');
    const choice = await ctx.ui.info(t('Time to reassess how sure you are about {0} (0–100).', domainLabel(ctx.store.live, session.domainId)), rate);
    if (choice === rate) await ctx.run('rateDomain');
  }
}

async function askAttribution(ctx: Services): Promise<Attribution | undefined> {
  const items: PickItem<CauseKind>[] = CAUSE_KINDS.map((cause) => ({ label: causeLabel(cause), value: cause }));
  const cause = await ctx.ui.pick(items, { title: title(), placeholder: t('What made the difference this session?') });
  if (!cause) return undefined;
  const text = await ctx.ui.input({
    title: title(),
    prompt: t('In a few words, what exactly? (optional — press Enter to skip)'),
    validate: (typed) => (typed.trim().length > 500 ? t('Keep it to 500 characters (now {0}).', typed.trim().length) : undefined),
  });
  if (text === undefined) return undefined;
  const typical = CAUSE_DEFAULTS[cause];
  const ratings: Partial<Record<ReturnType<typeof dimensionQuestions>[number]['key'], number>> = {};
  for (const dimension of dimensionQuestions()) {
    const scale: PickItem<number>[] = [];
    for (let v = 9; v >= 1; v--) scale.push({ label: `${v}`, ...(v === typical[dimension.key] ? { description: t('typical for this cause') } : {}), value: v });
    const value = await ctx.ui.pick(scale, { title: title(), placeholder: dimension.question, active: typical[dimension.key] });
    if (value === undefined) return undefined;
    ratings[dimension.key] = value;
  }
  return {
    cause,
    text: text.trim(),
    internal: ratings.internal ?? typical.internal,
    stable: ratings.stable ?? typical.stable,
    controllable: ratings.controllable ?? typical.controllable,
  };
}

async function askSlip(ctx: Services): Promise<SlipReview | undefined> {
  const title = t('Small Wins: Slip Review');
  const cue = await askText(ctx, { title, prompt: t('What cue triggered the slip?'), placeholder: t('A Slack ping during the hard part'), what: t('the cue') });
  if (cue === undefined) return undefined;
  const frictionFailed = await askText(ctx, { title, prompt: t('What friction failed to stop it?'), placeholder: t('Notifications were on'), what: t('the friction that failed') });
  if (frictionFailed === undefined) return undefined;
  const tweak = await askText(ctx, { title, prompt: t('One tweak for tomorrow:'), placeholder: t('Turn on Do Not Disturb when I start a session'), what: t('a tweak') });
  if (tweak === undefined) return undefined;
  return { cue, frictionFailed, tweak };
}

function cancelled(ctx: Services): void {
  void ctx.ui.info(t('Review cancelled; the session is still running.'));
}
