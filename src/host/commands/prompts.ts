import { confidenceLabel, efficacyAnchors, parseIntegerInRange, parseText } from '../../core/confidence';
import { activeDomains } from '../../core/journal';
import { activeSession } from '../../core/session';
import type { DomainChoice } from '../actions/choices';
import { LIMITS } from '../../core/limits';
import type { Domain, Session } from '../../core/schema';
import { calibrationAtRuler } from '../../core/coach';
import type { LevelScore } from '../../core/coach';
import type { Services } from '../services';
import type { PickItem, Step } from '../platform/ui';
import { t } from '../../core/l10n';
import { clip } from '../../core/text';

/** The problem with typed text as `what` (empty, or longer than `max`), or undefined when it will do: what every text prompt and compose box checks. */
export function textProblem(what: string, max: number = LIMITS.text): (text: string) => string | undefined {
  return (text) => {
    const parsed = parseText(text, max, what);
    return parsed.ok ? undefined : parsed.message;
  };
}

export function askText(
  ctx: Services,
  o: { title: string; prompt: string; placeholder?: string; value?: string; step?: Step; max?: number; what: string; extra?: (text: string) => string | undefined },
): Promise<string | undefined> {
  const problem = textProblem(o.what, o.max);
  return ctx.ui
    .input({
      title: o.title,
      prompt: o.prompt,
      ...(o.placeholder !== undefined ? { placeholder: o.placeholder } : {}),
      ...(o.value !== undefined ? { value: o.value } : {}),
      ...(o.step ? { step: o.step } : {}),
      // Text that will do is its trimmed self (parseText), which the extra check reads.
      validate: (text) => problem(text) ?? o.extra?.(text.trim()),
    })
    .then((text) => text?.trim());
}

/** The 0–10 ruler: "How sure are you that you can do this?" */
export function askConfidence(ctx: Services, title: string, goal: string, step?: Step, record?: readonly LevelScore[]): Promise<number | undefined> {
  // Calibration at the ruler: a level the record shows to be off says so on its own row.
  const items: PickItem<number>[] = Array.from({ length: 11 }, (_, value) => {
    const calibration = record ? calibrationAtRuler(record, value) : undefined;
    return { label: `${value}`, description: confidenceLabel(value), ...(calibration ? { detail: calibration } : {}), value };
  });
  return ctx.ui.pick(items.reverse(), {
    title,
    placeholder: t('How sure are you that you can do this? "{0}" (0–10)', clip(goal, 60)),
    ...(step ? { step } : {}),
    active: 7,
  });
}

/**
 * Bandura's 0–100 "can do" scale. With `skippable`, an empty answer skips it: null, not undefined
 * (which means the user cancelled).
 */
export async function askEfficacy(ctx: Services, domainName: string, title: string, o: { skippable?: boolean } = {}): Promise<number | null | undefined> {
  const anchors = efficacyAnchors().map((a) => `${a.value} ${a.label}`).join(' · ');
  const parse = (typed: string) => parseIntegerInRange(typed, 0, 100, t('a rating'));
  const text = await ctx.ui.input({
    title,
    prompt: o.skippable
      ? t('How certain are you that you can do "{0}" well? {1} (optional — press Enter to skip)', domainName, anchors)
      : t('How certain are you that you can do "{0}" well? {1}', domainName, anchors),
    placeholder: '0–100',
    validate: (typed) => {
      if (o.skippable && typed.trim() === '') return undefined;
      const parsed = parse(typed);
      return parsed.ok ? undefined : parsed.message;
    },
  });
  if (text === undefined) return undefined;
  if (o.skippable && text.trim() === '') return null;
  const parsed = parse(text);
  return parsed.ok ? parsed.value : undefined;
}

const NEW_DOMAIN = Symbol('new domain');

/** Picks an existing micro-domain or names a new one (created by the action); the preferred one is listed first. */
export async function askDomain(
  ctx: Services,
  o: { title: string; preferredId?: string; step?: Step; allowCreate: boolean },
): Promise<DomainChoice | undefined> {
  const domains = activeDomains(ctx.store.live).sort((a, b) => (a.id === o.preferredId ? -1 : b.id === o.preferredId ? 1 : 0));
  const items: PickItem<Domain | typeof NEW_DOMAIN>[] = domains.map((d) => ({ label: d.name, value: d }));
  if (o.allowCreate) {
    items.push({ icon: 'add', label: t('New micro-domain…'), detail: t('Something specific, like "writing parser tests" — not "be a better engineer"'), value: NEW_DOMAIN });
  }
  if (items.length === 0) {
    await ctx.ui.info(t('There are no domains yet. Start a focus session to create one.'));
    return undefined;
  }
  const picked = await ctx.ui.pick(items, { title: o.title, placeholder: t('Pick a micro-domain'), ...(o.step ? { step: o.step } : {}) });
  if (picked === undefined) return undefined;
  if (picked !== NEW_DOMAIN) return { kind: 'existing', id: picked.id };
  const name = await askDomainName(ctx, o.title, o.step);
  return name === undefined ? undefined : { kind: 'new', name };
}

/** The name of a new micro-domain: a specific skill, not a life goal. */
export function askDomainName(ctx: Services, title: string, step?: Step): Promise<string | undefined> {
  return askText(ctx, {
    title,
    prompt: t('Name a micro-domain: a specific skill you are building.'),
    placeholder: t('writing parser tests'),
    max: LIMITS.name,
    what: t('a domain name'),
    ...(step ? { step } : {}),
  });
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
