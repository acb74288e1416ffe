import { duePrompts } from '../../core/coach/due';
import { liveSubgoals } from '../../core/practices/session';
import type { Attribution, CauseKind, Outcome, Session, SlipReview, TweakOutcome } from '../../core/records/schema';
import { tweakStillOpenOf } from '../../core/figures/aggregateQueries';
import { domainLabel } from '../../core/records/journal';
import { clip } from '../../core/text';
import { addSlipReview, endSession } from '../actions/end';
import { present } from './present';
import type { Services } from '../services';
import { askQuestion, requireSession } from './prompts';
import { answers } from '../../core/practices/answered';
import type { ReviewAnswers } from '../../core/practices/answers';
import { reviewPractice } from '../../core/practices/review';
import { textProblem } from '../../core/practices/question';
import type { PickItem } from '../platform/ui';
import { t } from '../../core/l10n';
import { coachView } from '../storage/views';

const title = () => t('Small Wins: End Session');

/**
 * End & review: outcome per subgoal, attribution review (cause and three dimensions), feedback from
 * the seeds, and a slip review when something was missed. Escape at any step leaves the session running.
 */
export async function endAndReview(ctx: Services): Promise<void> {
  const session = await requireSession(ctx);
  if (!session) return;
  const quick = ctx.settings().reviewDepth === 'quick';
  const outcomes = quick ? await quickOutcomes(ctx, session) : await fullOutcomes(ctx, session);
  if (!outcomes) return cancelled(ctx);
  // The last slip review's tweak in this domain is asked about once, in the same click as the ratings.
  const open = tweakStillOpenOf((await coachView(ctx.store, ctx.clock())).totals, session.domainId);
  const answered = quick ? await quickAttribution(ctx, open?.tweak) : await fullAttribution(ctx, open?.tweak);
  if (!answered) return cancelled(ctx);
  const { attribution, tweak } = answered;
  const missed = outcomes.some((o) => o.outcome === 'missed');
  let slip: SlipReview | undefined;
  if (missed && !quick) {
    const review = t('Review the slip');
    const choice = await ctx.ui.info(t('Something was missed: a one-minute slip review turns it into a tweak for tomorrow.'), review, t('Skip'));
    if (choice === review) slip = await askSlip(ctx);
  }
  const done = await endSession(ctx, answers<ReviewAnswers>({ sessionId: session.id, outcomes, attribution, slip, tweak }));
  if (missed && quick) {
    // The slip review stays one click away: on the feedback itself, not as a step of its own.
    const review = t('Review the slip');
    const choice = await ctx.ui.info(done.notices.map((n) => n.text).join(' '), review);
    if (choice === review) {
      const later = await askSlip(ctx);
      if (later) present(ctx, (await addSlipReview(ctx, { sessionId: session.id, slip: later })).notices);
    }
  } else present(ctx, done.notices);
  if (!ctx.settings().reminders) return;
  const due = duePrompts((await coachView(ctx.store, ctx.clock())).records, ctx.clock(), ctx.settings().reassessmentIntervalDays);
  if (due.reassess.includes(session.domainId)) {
    const rate = t('Rate now');
    const choice = await ctx.ui.info(t('Time to reassess how sure you are about {0} (0–100).', domainLabel(ctx.store.live, session.domainId)), rate);
    if (choice === rate) await ctx.run('rateDomain');
  }
}

type Outcomes = { subgoalId: string; outcome: Outcome }[];

/** Every subgoal, one question each: met, partly or missed. */
async function fullOutcomes(ctx: Services, session: Session): Promise<Outcomes | undefined> {
  const outcomes: Outcomes = [];
  const question = reviewPractice.outcomes;
  const choices: PickItem<Outcome>[] = question.choices().map((o) => ({ icon: o.icon, label: o.label, value: o.value }));
  for (const goal of liveSubgoals(session)) {
    const picked = await ctx.ui.pick(choices, {
      title: title(),
      placeholder: question.question(clip(goal.text, 70)),
      active: question.preset(goal.doneAt !== undefined),
    });
    if (!picked) return undefined;
    outcomes.push({ subgoalId: goal.id, outcome: picked });
  }
  return outcomes;
}

/** One list of the subgoals met (the done ones already checked); the rest, if any, partly met or missed in one more. */
async function quickOutcomes(ctx: Services, session: Session): Promise<Outcomes | undefined> {
  const goals = liveSubgoals(session);
  if (goals.length === 0) return [];
  const items = goals.map((g) => ({ label: g.text, description: t('confidence {0}/10', g.confidence), value: g.id }));
  const met = await ctx.ui.pickMany(items, {
    title: title(),
    placeholder: t('Which subgoals did you meet? Check them, then press Enter.'),
    selected: goals.filter((g) => g.doneAt !== undefined).map((g) => g.id),
  });
  if (!met) return undefined;
  const rest = items.filter((i) => !met.includes(i.value));
  const partly = rest.length
    ? await ctx.ui.pickMany(rest, { title: title(), placeholder: t('Which of the rest did you partly meet? The others count as missed.'), selected: [] })
    : [];
  if (!partly) return undefined;
  return goals.map((g) => ({ subgoalId: g.id, outcome: met.includes(g.id) ? 'met' : partly.includes(g.id) ? 'partly' : 'missed' }));
}

/**
 * What made the difference, in two interactions: the cause picked (with a note typed in the same
 * box, if the user likes), then the three causal ratings preset from the cause, kept with one Enter
 * or adjusted one by one.
 */
async function quickAttribution(ctx: Services, openTweak: string | undefined): Promise<Answered | undefined> {
  let note = '';
  let cause: CauseKind | undefined;
  while (!cause) {
    const composed = await ctx.ui.compose<CauseKind>({
      title: title(),
      placeholder: t('What made the difference? Type a note if you like, then pick the cause.'),
      items: reviewPractice.attribution.cause.choices().map((c) => ({ label: c.label, value: c.value })),
      buttons: [],
      typedHint: t('a note — now pick the cause below'),
      validate: (typed) => textProblem(reviewPractice.attribution.note, typed),
      value: note,
    });
    if (!composed) return undefined;
    note = composed.text;
    if (composed.kind === 'item') cause = composed.value;
  }
  const typical = reviewPractice.attribution.presets[cause];
  const keepLabel = t('Keep: about you {0}/9 · stable {1}/9 · controllable {2}/9', typical.internal, typical.stable, typical.controllable);
  type Keep = { keep: boolean; tweak?: TweakOutcome };
  const rows: PickItem<Keep>[] = openTweak
    ? reviewPractice.tweak.choices().map((c) => ({ icon: 'check', label: keepLabel, description: c.label, value: { keep: true, tweak: c.value } }))
    : [{ icon: 'check', label: keepLabel, detail: t('Typical for this cause'), value: { keep: true } }];
  rows.push({ icon: 'settings', label: t('Adjust the three ratings…'), value: { keep: false } });
  const picked = await ctx.ui.pick(rows, {
    title: title(),
    placeholder: openTweak ? t('How you see the cause — and your tweak "{0}": did it help?', clip(openTweak, 60)) : t('How you see the cause: about you, stable, controllable'),
  });
  if (picked === undefined) return undefined;
  if (picked.keep) return { attribution: { cause, text: note, ...typical }, ...(picked.tweak ? { tweak: picked.tweak } : {}) };
  const ratings = await askDimensions(ctx, cause);
  if (!ratings) return undefined;
  const tweak = openTweak ? await askTweak(ctx, openTweak) : undefined;
  if (openTweak && !tweak) return undefined;
  return { attribution: { cause, text: note, ...ratings }, ...(tweak ? { tweak } : {}) };
}

interface Answered {
  attribution: Attribution;
  tweak?: TweakOutcome;
}

/** Whether the last tweak helped, one click. */
function askTweak(ctx: Services, tweak: string): Promise<TweakOutcome | undefined> {
  const question = reviewPractice.tweak;
  return ctx.ui.pick(
    question.choices().map((c) => ({ label: c.label, value: c.value })),
    { title: title(), placeholder: question.question(clip(tweak, 60)) },
  );
}

async function fullAttribution(ctx: Services, openTweak: string | undefined): Promise<Answered | undefined> {
  const attribution = await askAttribution(ctx);
  if (!attribution) return undefined;
  if (!openTweak) return { attribution };
  const tweak = await askTweak(ctx, openTweak);
  return tweak ? { attribution, tweak } : undefined;
}

async function askAttribution(ctx: Services): Promise<Attribution | undefined> {
  const question = reviewPractice.attribution;
  const items: PickItem<CauseKind>[] = question.cause.choices().map((c) => ({ label: c.label, value: c.value }));
  const cause = await ctx.ui.pick(items, { title: title(), placeholder: question.cause.question() });
  if (!cause) return undefined;
  const text = await ctx.ui.input({ title: title(), prompt: question.note.prompt(), validate: (typed) => textProblem(question.note, typed) });
  if (text === undefined) return undefined;
  const ratings = await askDimensions(ctx, cause);
  return ratings ? { cause, text: text.trim(), ...ratings } : undefined;
}

/** The three causal dimensions, each on its 1–9 scale, the cause's typical value first. */
async function askDimensions(ctx: Services, cause: CauseKind): Promise<Pick<Attribution, 'internal' | 'stable' | 'controllable'> | undefined> {
  const typical = reviewPractice.attribution.presets[cause];
  const ratings = { ...typical };
  for (const dimension of reviewPractice.attribution.dimensions()) {
    const scale: PickItem<number>[] = [];
    for (let v = 9; v >= 1; v--) scale.push({ label: `${v}`, ...(v === typical[dimension.key] ? { description: t('typical for this cause') } : {}), value: v });
    const value = await ctx.ui.pick(scale, { title: title(), placeholder: dimension.question, active: typical[dimension.key] });
    if (value === undefined) return undefined;
    ratings[dimension.key] = value;
  }
  return ratings;
}

/** The slip review, its three questions in order; all three or none. */
async function askSlip(ctx: Services): Promise<SlipReview | undefined> {
  const question = reviewPractice.slip;
  const cue = await askQuestion(ctx, question.title(), question.cue);
  if (cue === undefined) return undefined;
  const frictionFailed = await askQuestion(ctx, question.title(), question.frictionFailed);
  if (frictionFailed === undefined) return undefined;
  const tweak = await askQuestion(ctx, question.title(), question.tweak);
  if (tweak === undefined) return undefined;
  return { cue, frictionFailed, tweak };
}

function cancelled(ctx: Services): void {
  void ctx.ui.info(t('Review cancelled; the session is still running.'));
}
