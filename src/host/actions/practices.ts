import { addEncouragement, addModel, addRating, addReflection } from '../../core/records/journal';
import type { Encouragement, Model, Reflection } from '../../core/records/schema';
import { t } from '../../core/l10n';
import { weekStart } from '../../core/time';
import { resolveDomain } from './choices';
import type { DomainChoice } from '../../core/practices/answers';
import { info } from './notices';
import type { ActionServices, Done } from './notices';

/** A 0–100 "can do" rating of a domain (created when new). */
export async function rateDomain(s: ActionServices, o: { domain: DomainChoice; value: number }): Promise<Done<string>> {
  const now = s.clock();
  const name = await s.store.update((journal) => {
    const { journal: next, domain } = resolveDomain(journal, o.domain, now);
    return { journal: addRating(next, domain.id, o.value, now), result: domain.name };
  });
  return { value: name, notices: [info(t('Recorded: {0}/100 can-do for {1}.', o.value, name))] };
}

/** This week's reflection; answering again in the same week replaces it. */
export async function reflect(s: ActionServices, answers: Pick<Reflection, 'didWell' | 'doDifferently' | 'learned'>): Promise<Done<undefined>> {
  const now = s.clock();
  await s.store.apply((journal) => addReflection(journal, answers, now, s.device));
  s.edits.changedHere(s.store.live.reflections.filter((r) => r.weekOf === weekStart(now)).map((r) => r.id));
  return { value: undefined, notices: [info(t('Reflection saved.'))] };
}

export async function addVicariousModel(s: ActionServices, model: Omit<Model, 'id' | 'createdAt'>): Promise<Done<undefined>> {
  await s.store.apply((journal) => addModel(journal, model, s.clock()));
  return { value: undefined, notices: [info(t('Saved {0} as a model.', model.name))] };
}

export async function recordEncouragement(s: ActionServices, encouragement: Omit<Encouragement, 'id' | 'at'>): Promise<Done<undefined>> {
  await s.store.apply((journal) => addEncouragement(journal, encouragement, s.clock()));
  return { value: undefined, notices: [info(t('Encouragement saved to your evidence bank.'))] };
}
