import { addCue, addDomain, domainById, findCueByInstruction, useCue } from '../../core/records/journal';
import type { Cue, Domain, Journal } from '../../core/records/schema';
import { SessionError } from '../../core/practices/session';
import { t } from '../../core/l10n';
import type { CueChoice, DomainChoice } from '../../core/practices/answers';

/** The chosen domain in this journal, created when it is new (a name that exists is reused). */
export function resolveDomain(journal: Journal, choice: DomainChoice, now: number): { journal: Journal; domain: Domain } {
  if (choice.kind === 'new') return addDomain(journal, choice.name, now);
  const domain = domainById(journal, choice.id);
  if (!domain) throw new SessionError(t('That domain no longer exists.'));
  return { journal, domain };
}

/** The chosen cue in this journal, counted as used once more, or saved when it is new (an instruction already saved is that cue, as a domain's name is). */
export function resolveCue(journal: Journal, choice: CueChoice, now: number, device: string): { journal: Journal; cue: Cue } {
  const cue = choice.kind === 'new' ? findCueByInstruction(journal, choice.instruction) : journal.cues.find((c) => c.id === choice.id);
  if (!cue && choice.kind === 'new') return addCue(journal, choice.instruction, choice.hope, now);
  if (!cue) throw new SessionError(t('That cue no longer exists.'));
  const next = useCue(journal, cue.id, device);
  return { journal: next, cue: next.cues.find((c) => c.id === cue.id) ?? cue };
}
