import { domainById, domainLabel } from '../../core/records/journal';
import { clip } from '../../core/text';
import { inTimeZone } from '../../core/time';
import { addVicariousModel as addVicariousModelAction, rateDomain as rateDomainAction, recordEncouragement as recordEncouragementAction, reflect } from '../actions/practices';
import type { DomainChoice } from '../../core/practices/answers';
import { present } from './present';
import { duePrompts } from '../../core/coach/due';
import { evidenceFor } from '../../core/practices/evidence';
import { activeSession } from '../../core/practices/session';
import { LIMITS } from '../../core/limits';
import type { Domain } from '../../core/records/schema';
import type { Services } from '../services';
import { askDomain, askEfficacy, askText } from './prompts';
import type { PickItem } from '../platform/ui';
import { collectionCount, t, winCount } from '../../core/l10n';
import { coachView, historyView } from '../storage/views';
import { winsFrom } from '../../core/figures/aggregateQueries';

/** How many of a domain's newest wins the evidence bank lists. */
const EVIDENCE_LIST = 20;

function preferredDomainId(ctx: Services): string | undefined {
  return activeSession(ctx.store.live)?.domainId ?? ctx.defaults.get().lastDomainId;
}

async function rate(ctx: Services, domain: DomainChoice, title: string): Promise<boolean> {
  const name = domain.kind === 'new' ? domain.name : domainLabel(ctx.store.live, domain.id);
  const value = await askEfficacy(ctx, name, title);
  if (value === undefined || value === null) return false;
  present(ctx, (await rateDomainAction(ctx, { domain, value })).notices);
  return true;
}

export async function rateDomain(ctx: Services): Promise<void> {
  const title = t('Small Wins: Rate Domain Confidence');
  const preferredId = preferredDomainId(ctx);
  const domain = await askDomain(ctx, { title, allowCreate: true, ...(preferredId ? { preferredId } : {}) });
  if (domain) await rate(ctx, domain, title);
}

export async function weeklyReflection(ctx: Services): Promise<void> {
  const title = t('Small Wins: Weekly Reflection');
  const ask = (prompt: string, step: number) =>
    askText(ctx, { title, prompt, max: LIMITS.note, what: t('an answer'), step: { step, totalSteps: 3 } });
  const didWell = await ask(t('What did I do well this week?'), 1);
  if (didWell === undefined) return;
  const doDifferently = await ask(t('What would I do differently?'), 2);
  if (doDifferently === undefined) return;
  const learned = await ask(t('What did this teach me about my capabilities?'), 3);
  if (learned === undefined) return;
  present(ctx, (await reflect(ctx, { didWell, doDifferently, learned })).notices);
  // Reassessment belongs with reflection: rate each domain that is due.
  for (const domainId of duePrompts((await coachView(ctx.store, ctx.clock())).records, ctx.clock(), ctx.settings().reassessmentIntervalDays).reassess) {
    const domain = domainById(ctx.store.live, domainId);
    if (!domain) continue;
    if (!(await rate(ctx, { kind: 'existing', id: domain.id }, t('{0}: reassess {1}', title, domain.name)))) return;
  }
}

const ANY_DOMAIN = Symbol('any');

async function askOptionalDomain(ctx: Services, title: string): Promise<string | undefined | null> {
  const items: PickItem<Domain | typeof ANY_DOMAIN>[] = [{ label: t('Any domain'), value: ANY_DOMAIN }];
  for (const d of ctx.store.live.domains) if (d.archivedAt === undefined) items.push({ label: d.name, value: d });
  if (items.length === 1) return undefined;
  const picked = await ctx.ui.pick(items, { title, placeholder: t('Which domain is this about?'), active: undefined });
  if (picked === undefined) return null;
  return picked === ANY_DOMAIN ? undefined : picked.id;
}

export async function addVicariousModel(ctx: Services): Promise<void> {
  const title = t('Small Wins: Add Vicarious Model');
  const name = await askText(ctx, {
    title,
    prompt: t('Someone like you who got there by visible effort (a grinder, not a prodigy). Who?'),
    max: LIMITS.name,
    what: t('a name'),
  });
  if (name === undefined) return;
  const domainId = await askOptionalDomain(ctx, title);
  if (domainId === null) return;
  const workflowNotes = await askText(ctx, {
    title,
    prompt: t('How does {0} work? Habits, steps, what they do when stuck.', name),
    max: LIMITS.note,
    what: t('workflow notes'),
  });
  if (workflowNotes === undefined) return;
  present(ctx, (await addVicariousModelAction(ctx, { name, workflowNotes, ...(domainId ? { domainId } : {}) })).notices);
}

export async function recordEncouragement(ctx: Services): Promise<void> {
  const title = t('Small Wins: Record Encouragement');
  const from = await askText(ctx, { title, prompt: t('Who said it? (a credible source: a reviewer, a mentor, a user)'), max: LIMITS.name, what: t('who said it') });
  if (from === undefined) return;
  const text = await askText(ctx, { title, prompt: t('What did {0} say?', from), what: t('what they said') });
  if (text === undefined) return;
  const domainId = await askOptionalDomain(ctx, title);
  if (domainId === null) return;
  present(ctx, (await recordEncouragementAction(ctx, { from, text, ...(domainId ? { domainId } : {}) })).notices);
}

export async function showEvidence(ctx: Services): Promise<void> {
  const title = t('Small Wins: My Evidence');
  const preferredId = preferredDomainId(ctx);
  const picked = preferredId ? undefined : await askDomain(ctx, { title, allowCreate: false });
  const domainId = preferredId ?? (picked?.kind === 'existing' ? picked.id : undefined);
  const domain = domainId ? domainById(ctx.store.live, domainId) : undefined;
  if (!domain) {
    if (preferredId) void ctx.ui.info(t('There is no evidence yet: log a win in a focus session.'));
    return;
  }
  // The newest wins as records (as many as evidenceFor lists), the count of all from the totals: no need to read every year.
  const view = await historyView(ctx.store, ctx.clock(), { latestWins: { domainId: domain.id, count: EVIDENCE_LIST } });
  const evidence = evidenceFor(view.records, domain.id, EVIDENCE_LIST);
  const totalWins = winsFrom(view.totals, -Infinity, new Set([domain.id]));
  if (evidence.wins.length === 0 && evidence.encouragements.length === 0) {
    void ctx.ui.info(t('No evidence for {0} yet. Every win you log lands here.', domain.name));
    return;
  }
  const items: PickItem<null>[] = [
    ...evidence.wins.map((w) => ({ icon: 'star-full', label: clip(w.text, 120), description: new Date(w.at).toLocaleString(ctx.language, inTimeZone({})), value: null })),
    ...evidence.encouragements.map((e) => ({ icon: 'quote', label: clip(e.text, 120), description: `— ${e.from}`, value: null })),
  ];
  await ctx.ui.pick(items, {
    title,
    placeholder: t('{0} on {1}, and {2}', winCount(totalWins), domain.name, collectionCount('encouragements', evidence.encouragements.length)),
  });
}
