import { CAUSE_DEFAULTS, CAUSE_LABELS, DIMENSION_QUESTIONS, OUTCOME_CHOICES } from '../../core/attribution';
import { duePrompts } from '../../core/due';
import { liveSubgoals } from '../../core/session';
import { endWithReview, reviewFeedback } from '../../core/review';
import { CAUSE_KINDS } from '../../core/schema';
import type { Attribution, CauseKind, Outcome, Review, SlipReview } from '../../core/schema';
import { domainName, requireSession } from './context';
import type { FlowContext } from './context';
import { askText, truncate } from './prompts';
import type { PickItem } from '../ui';

const TITLE = 'Small Wins: End Session';

const OUTCOMES: PickItem<Outcome>[] = OUTCOME_CHOICES.map((o) => ({ label: `$(${o.icon}) ${o.label}`, value: o.value }));

/**
 * End & review: outcome per subgoal, attribution review (cause and three dimensions), feedback from
 * the seeds, and a slip review when something was missed. Escape at any step leaves the session running.
 */
export async function endAndReview(ctx: FlowContext): Promise<void> {
  const session = await requireSession(ctx);
  if (!session) return;
  const goals = liveSubgoals(session);
  const outcomes: Record<string, Outcome> = {};
  for (const goal of goals) {
    const picked = await ctx.ui.pick(OUTCOMES, {
      title: TITLE,
      placeholder: `How did it go: "${truncate(goal.text, 70)}"?`,
      active: goal.doneAt !== undefined ? 'met' : undefined,
    });
    if (!picked) return cancelled(ctx);
    outcomes[goal.id] = picked;
  }
  const attribution = await askAttribution(ctx);
  if (!attribution) return cancelled(ctx);
  const values = Object.values(outcomes);
  const feedback = reviewFeedback(session, outcomes, attribution, domainName(ctx.store.live, session.domainId));
  let slip: SlipReview | undefined;
  if (values.includes('missed')) {
    const review = 'Review the slip';
    const choice = await ctx.ui.info(`${feedback} Something was missed: a one-minute slip review turns it into a tweak for tomorrow.`, review, 'Skip');
    if (choice === review) slip = await askSlip(ctx);
  }
  const now = ctx.clock();
  const reviewRecord: Review = { at: now, attribution, feedback, ...(slip ? { slip } : {}) };
  await ctx.store.apply((j) => endWithReview(j, session.id, outcomes, reviewRecord, now));
  if (!values.includes('missed')) void ctx.ui.info(feedback);
  const due = duePrompts(await ctx.store.history(), now, ctx.settings().reassessmentIntervalDays);
  if (due.reassess.includes(session.domainId)) {
    const rate = 'Rate now';
    const choice = await ctx.ui.info(`Time to reassess how sure you are about ${domainName(ctx.store.live, session.domainId)} (0–100).`, rate);
    if (choice === rate) await ctx.run('rateDomain');
  }
}

async function askAttribution(ctx: FlowContext): Promise<Attribution | undefined> {
  const items: PickItem<CauseKind>[] = CAUSE_KINDS.map((cause) => ({ label: CAUSE_LABELS[cause], value: cause }));
  const cause = await ctx.ui.pick(items, { title: TITLE, placeholder: 'What made the difference this session?' });
  if (!cause) return undefined;
  const text = await ctx.ui.input({
    title: TITLE,
    prompt: 'In a few words, what exactly? (optional — press Enter to skip)',
    validate: (t) => (t.trim().length > 500 ? `Keep it to 500 characters (now ${t.trim().length}).` : undefined),
  });
  if (text === undefined) return undefined;
  const typical = CAUSE_DEFAULTS[cause];
  const ratings: Partial<Record<(typeof DIMENSION_QUESTIONS)[number]['key'], number>> = {};
  for (const dimension of DIMENSION_QUESTIONS) {
    const scale: PickItem<number>[] = [];
    for (let v = 9; v >= 1; v--) scale.push({ label: `${v}`, ...(v === typical[dimension.key] ? { description: 'typical for this cause' } : {}), value: v });
    const value = await ctx.ui.pick(scale, { title: TITLE, placeholder: dimension.question, active: typical[dimension.key] });
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

async function askSlip(ctx: FlowContext): Promise<SlipReview | undefined> {
  const title = 'Small Wins: Slip Review';
  const cue = await askText(ctx, { title, prompt: 'What cue triggered the slip?', placeholder: 'A Slack ping during the hard part', what: 'the cue' });
  if (cue === undefined) return undefined;
  const frictionFailed = await askText(ctx, { title, prompt: 'What friction failed to stop it?', placeholder: 'Notifications were on', what: 'the friction that failed' });
  if (frictionFailed === undefined) return undefined;
  const tweak = await askText(ctx, { title, prompt: 'One tweak for tomorrow:', placeholder: 'Turn on Do Not Disturb when I start a session', what: 'a tweak' });
  if (tweak === undefined) return undefined;
  return { cue, frictionFailed, tweak };
}

function cancelled(ctx: FlowContext): void {
  void ctx.ui.info('Review cancelled; the session is still running.');
}
