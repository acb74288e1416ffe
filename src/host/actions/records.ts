import type { Editor } from '../../core/records/stamp';
import type { OwnEdit } from '../../core/records/superseded';
import { deleteRecords, domainFootprint, renamedDomain, revised, sessionHolding } from '../../core/records/edit';
import { domainById } from '../../core/records/journal';
import { mergeJournals } from '../../core/records/merge';
import { activeSession, SessionError } from '../../core/practices/session';
import { emptyJournal } from '../../core/records/schema';
import type { Journal, WinAuthor } from '../../core/records/schema';
import { t } from '../../core/l10n';
import { info } from './notices';
import type { ActionServices, Done } from './notices';

export type RecordKind = 'win' | 'subgoal' | 'session' | 'reflection' | 'cue' | 'model' | 'encouragement' | 'domain';

export type RecordEdit =
  | { kind: 'win'; id: string; text?: string; by?: WinAuthor }
  | { kind: 'subgoal'; id: string; text: string }
  | { kind: 'reflection'; id: string; didWell: string; doDifferently: string; learned: string }
  | { kind: 'cue'; id: string; instruction: string }
  | { kind: 'model'; id: string; name: string; workflowNotes: string }
  | { kind: 'encouragement'; id: string; from: string; text: string }
  | { kind: 'domain'; id: string; name?: string; archived?: boolean };

/** A copy without an optional field (a restored domain has no archive date; a detached model no domain). */
function withoutField<T extends object, K extends keyof T>(record: T, key: K): T {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

const gone = () => new SessionError(t('That record no longer exists.'));

/**
 * The edited record as a small journal to merge into the live one: it carries a later edit stamp, so
 * it wins over every copy, the archived one included (a closed record goes back to the archive). With
 * it, the record as the edit watch names it.
 */
function editedPart(history: Journal, edit: RecordEdit, by: Editor): { part: Journal; saved: OwnEdit | undefined } {
  const part = emptyJournal();
  const saved = (record: { id: string; ed?: string }, label: string, within: string[] = []): OwnEdit | undefined =>
    record.ed === undefined ? undefined : { id: record.id, ed: record.ed, label, within };
  switch (edit.kind) {
    case 'win':
    case 'subgoal': {
      const session = sessionHolding(history, edit.id);
      if (!session) throw gone();
      const within = [session.id, session.domainId];
      if (edit.kind === 'win') {
        const win = session.wins.find((w) => w.id === edit.id);
        if (!win) throw gone();
        const changed = revised(win, { ...(edit.text !== undefined ? { text: edit.text } : {}), ...(edit.by !== undefined ? { by: edit.by } : {}) }, by);
        return { part: { ...part, sessions: [{ ...session, wins: session.wins.map((w) => (w === win ? changed : w)) }] }, saved: saved(changed, t('the win "{0}"', changed.text), within) };
      }
      const goal = session.subgoals.find((g) => g.id === edit.id);
      if (!goal) throw gone();
      const changed = revised(goal, { text: edit.text }, by);
      return { part: { ...part, sessions: [{ ...session, subgoals: session.subgoals.map((g) => (g === goal ? changed : g)) }] }, saved: saved(changed, t('the subgoal "{0}"', changed.text), within) };
    }
    case 'reflection': {
      const found = history.reflections.find((r) => r.id === edit.id);
      if (!found) throw gone();
      const changed = revised(found, { didWell: edit.didWell, doDifferently: edit.doDifferently, learned: edit.learned }, by);
      return { part: { ...part, reflections: [changed] }, saved: saved(changed, t('your weekly reflection')) };
    }
    case 'cue': {
      const found = history.cues.find((c) => c.id === edit.id);
      if (!found) throw gone();
      const changed = revised(found, { instruction: edit.instruction }, by);
      return { part: { ...part, cues: [changed] }, saved: saved(changed, t('the cue "{0}"', changed.instruction)) };
    }
    case 'model': {
      const found = history.models.find((m) => m.id === edit.id);
      if (!found) throw gone();
      const changed = revised(found, { name: edit.name, workflowNotes: edit.workflowNotes }, by);
      return { part: { ...part, models: [changed] }, saved: saved(changed, t('the model "{0}"', changed.name)) };
    }
    case 'encouragement': {
      const found = history.encouragements.find((e) => e.id === edit.id);
      if (!found) throw gone();
      const changed = revised(found, { from: edit.from, text: edit.text }, by);
      return { part: { ...part, encouragements: [changed] }, saved: saved(changed, t('the encouragement from {0}', changed.from)) };
    }
    case 'domain': {
      const found = domainById(history, edit.id);
      if (!found) throw gone();
      let domain = edit.name !== undefined ? renamedDomain(history, found, edit.name, by) : found;
      if (edit.archived === true) domain = revised(domain, { archivedAt: found.archivedAt ?? by.now }, by);
      if (edit.archived === false) domain = withoutField(revised(domain, {}, by), 'archivedAt');
      return { part: { ...part, domains: [domain] }, saved: domain === found ? undefined : saved(domain, t('the domain "{0}"', domain.name)) };
    }
  }
}

/** Edits a record's text (or a win's author, a domain's name or archive state) everywhere it is stored. */
export async function editRecord(s: ActionServices, edit: RecordEdit): Promise<Done<undefined>> {
  const history = await s.store.history();
  const { part, saved } = editedPart(history, edit, { now: s.clock(), writer: s.device });
  await s.store.apply((live) => mergeJournals(live, part));
  if (saved) s.edits.saved(saved);
  return { value: undefined, notices: [info(t('Saved the change.'))] };
}

/** What a deletion removes, for the confirmation to say before anything is deleted. */
export async function deletionScope(s: ActionServices, kind: RecordKind, id: string): Promise<{ sessions: number; ratings: number }> {
  if (kind !== 'domain') return { sessions: kind === 'session' ? 1 : 0, ratings: 0 };
  const footprint = domainFootprint(await s.store.history(), id);
  return { sessions: footprint.sessions.length, ratings: footprint.ratings.length };
}

/**
 * Deletes a record everywhere it is stored: the live journal, the archive files (rewritten without
 * it) and, through its tombstone, every other copy. A domain goes with its sessions and ratings; its
 * models and encouragement stay, for any domain. The running session is ended first, not deleted.
 */
export async function deleteRecord(s: ActionServices, kind: RecordKind, id: string): Promise<Done<undefined>> {
  const history = await s.store.history();
  const running = activeSession(s.store.live);
  const by = { now: s.clock(), writer: s.device };
  let ids = [id];
  let detach: Journal | undefined;
  if (kind === 'session' && running?.id === id) throw new SessionError(t('End the running session before deleting it.'));
  if (kind === 'domain') {
    if (running?.domainId === id) throw new SessionError(t('End the running session before deleting its domain.'));
    const footprint = domainFootprint(history, id);
    ids = [id, ...footprint.sessions, ...footprint.ratings];
    detach = {
      ...emptyJournal(),
      models: history.models.filter((m) => m.domainId === id).map((m) => withoutField(revised(m, {}, by), 'domainId')),
      encouragements: history.encouragements.filter((e) => e.domainId === id).map((e) => withoutField(revised(e, {}, by), 'domainId')),
    };
  }
  await s.store.apply((live) => deleteRecords(detach ? mergeJournals(live, detach) : live, ids, by.now));
  s.edits.changedHere([...ids, ...(detach ? [...detach.models, ...detach.encouragements].map((r) => r.id) : [])]);
  return { value: undefined, notices: [info(t('Deleted. It is gone from this machine\'s journal and archive, and stays deleted in every copy that merges with it.'))] };
}

/** Removes everything Small Wins stored on this machine: the journal, the archive, what was set aside, workspace defaults. */
export async function deleteAllData(s: ActionServices): Promise<Done<undefined>> {
  await s.store.erase();
  await s.defaults.clear();
  s.suggestions.clear();
  return { value: undefined, notices: [info(t('All Small Wins data on this machine was deleted.'))] };
}
