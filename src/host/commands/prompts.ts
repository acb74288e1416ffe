import { confidenceLabel } from '../../core/practices/confidence';
import { numberProblem, textProblem as problemWith, textQuestion } from '../../core/practices/question';
import type { TextQuestion } from '../../core/practices/question';
import { startPractice } from '../../core/practices/start';
import { activeDomains } from '../../core/records/journal';
import { activeSession } from '../../core/practices/session';
import type { DomainChoice } from '../../core/practices/answers';
import { LIMITS } from '../../core/limits';
import type { Domain, Session } from '../../core/records/schema';
import type { LevelScore } from '../../core/coach';
import type { Services } from '../services';
import type { PickItem, Step } from '../platform/ui';
import { t } from '../../core/l10n';
import { clip } from '../../core/text';

/** The problem with typed text as `what` (empty, or longer than `max`), or undefined when it will do: what every text prompt and compose box checks. */
export function textProblem(what: string, max: number = LIMITS.text): (text: string) => string | undefined {
  return (text) => problemWith({ what: () => what, max }, text);
}

/** A practice's text question in an input box, checked as the sidebar checks it (an optional one may be left empty: ''). */
export function askQuestion(ctx: Services, title: string, q: TextQuestion, o: { value?: string; step?: Step; extra?: (text: string) => string | undefined } = {}): Promise<string | undefined> {
  return ctx.ui
    .input({
      title,
      prompt: q.prompt(),
      ...(q.placeholder ? { placeholder: q.placeholder() } : {}),
      ...(o.value !== undefined ? { value: o.value } : {}),
      ...(o.step ? { step: o.step } : {}),
      validate: (text) => problemWith(q, text) ?? o.extra?.(text.trim()),
    })
    .then((text) => text?.trim());
}

/** A text question of the palette's own (not a practice's), asked as a practice's is. */
export function askText(
  ctx: Services,
  o: { title: string; prompt: string; placeholder?: string; value?: string; step?: Step; max?: number; what: string; extra?: (text: string) => string | undefined },
): Promise<string | undefined> {
  const { title, prompt, placeholder, what, max, ...rest } = o;
  const question = textQuestion({ label: () => prompt, prompt: () => prompt, what: () => what, ...(placeholder !== undefined ? { placeholder: () => placeholder } : {}), ...(max !== undefined ? { max } : {}) });
  return askQuestion(ctx, title, question, rest);
}

/** The 0–10 ruler, starting at the threshold, each level with what the record says of it. */
export function askConfidence(ctx: Services, title: string, goal: string, o: { threshold: number; record?: readonly LevelScore[]; step?: Step }): Promise<number | undefined> {
  const ruler = startPractice.goals.confidence;
  const items: PickItem<number>[] = Array.from({ length: 11 }, (_, value) => {
    const calibration = o.record ? ruler.note(o.record, value) : undefined;
    return { label: `${value}`, description: confidenceLabel(value), ...(calibration ? { detail: calibration } : {}), value };
  });
  return ctx.ui.pick(items.reverse(), {
    title,
    placeholder: ruler.question(clip(goal, 60)),
    ...(o.step ? { step: o.step } : {}),
    active: ruler.start(o.threshold),
  });
}

/**
 * Bandura's 0–100 "can do" scale. With `skippable`, an empty answer skips it: null, not undefined
 * (which means the user cancelled).
 */
export async function askEfficacy(ctx: Services, domainName: string, title: string, o: { skippable?: boolean } = {}): Promise<number | null | undefined> {
  const baseline = startPractice.baseline;
  const number = { ...baseline.number, optional: o.skippable === true };
  const text = await ctx.ui.input({
    title,
    prompt: baseline.question(domainName, o.skippable === true),
    placeholder: '0–100',
    validate: (typed) => numberProblem(number, typed),
  });
  if (text === undefined) return undefined;
  return text.trim() === '' ? null : Number(text.trim());
}

/**
 * Picks an existing micro-domain (the preferred one listed first) or, where one may be created, names
 * a new one in the same box: typed and Enter. A typed name that exists is that domain.
 */
export async function askDomain(
  ctx: Services,
  o: { title: string; preferredId?: string; step?: Step; allowCreate: boolean },
): Promise<DomainChoice | undefined> {
  const domains = activeDomains(ctx.store.live).sort((a, b) => (a.id === o.preferredId ? -1 : b.id === o.preferredId ? 1 : 0));
  const question = startPractice.domain;
  const items: PickItem<Domain>[] = domains.map((d) => ({ label: d.name, value: d }));
  if (!o.allowCreate) {
    if (items.length === 0) {
      await ctx.ui.info(t('There are no domains yet. Start a focus session to create one.'));
      return undefined;
    }
    const picked = await ctx.ui.pick(items, { title: o.title, placeholder: question.pick(), ...(o.step ? { step: o.step } : {}) });
    return picked && { kind: 'existing', id: picked.id };
  }
  const composed = await ctx.ui.compose<Domain>({
    title: o.title,
    placeholder: question.pickOrName(),
    items,
    buttons: [],
    typedHint: question.createTyped(),
    validate: (typed) => problemWith(question.name, typed),
  });
  if (!composed || composed.kind === 'button') return undefined;
  if (composed.kind === 'item') return { kind: 'existing', id: composed.value.id };
  const named = domains.find((d) => d.name.toLowerCase() === composed.text.toLowerCase());
  return named ? { kind: 'existing', id: named.id } : { kind: 'new', name: composed.text };
}

/** The name of a new micro-domain: a specific skill, not a life goal. */
export function askDomainName(ctx: Services, title: string, step?: Step): Promise<string | undefined> {
  return askQuestion(ctx, title, startPractice.domain.name, step ? { step } : {});
}

/** The running session, or a friendly message offering to start one. */
export async function requireSession(ctx: Services): Promise<Session | undefined> {
  const session = activeSession(ctx.store.live);
  if (session) return session;
  const start = t('Start Focus Session');
  const choice = await ctx.ui.info(t('No focus session is running.'), start);
  if (choice === start) await ctx.run('startSession');
  return undefined;
}
