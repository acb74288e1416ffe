import { cueUses } from '../../core/records/journal';
import { clip } from '../../core/text';
import { inTimeZone } from '../../core/time';
import type { Journal, WinAuthor } from '../../core/records/schema';
import { LIMITS } from '../../core/limits';
import { deleteAllData, deleteRecord, deletionScope, editRecord } from '../actions/records';
import type { RecordEdit, RecordKind } from '../actions/records';
import type { Services } from '../services';
import type { PickItem } from '../platform/ui';
import { askText } from './prompts';
import { present } from './present';
import type { FolderChoice } from './journalFolder';
import type { BackupShelf } from './backups';
import { info, warn } from '../actions/notices';
import { t } from '../../core/l10n';

const title = () => t('Small Wins: Edit or Delete');

interface Listed {
  kind: RecordKind;
  id: string;
  label: string;
  description: string;
  at: number;
}

/** The records of one kind, newest first, as the user would recognise them. */
function recordsOf(history: Journal, kind: RecordKind, language: string): Listed[] {
  const date = (at: number) => new Date(at).toLocaleDateString(language, inTimeZone({}));
  const domainName = (id: string | undefined) => history.domains.find((d) => d.id === id)?.name ?? '';
  const list: Listed[] = [];
  switch (kind) {
    case 'win':
      for (const s of history.sessions) for (const w of s.wins) list.push({ kind, id: w.id, label: w.text, description: `${domainName(s.domainId)} · ${date(w.at)}`, at: w.at });
      break;
    case 'subgoal':
      for (const s of history.sessions) for (const g of s.subgoals) list.push({ kind, id: g.id, label: g.text, description: `${domainName(s.domainId)} · ${date(g.createdAt)}`, at: g.createdAt });
      break;
    case 'session':
      for (const s of history.sessions) {
        if (s.endedAt === undefined) continue;
        list.push({ kind, id: s.id, label: t('{0}: {1}', domainName(s.domainId), s.subgoals[s.subgoals.length - 1]?.text ?? ''), description: date(s.startedAt), at: s.startedAt });
      }
      break;
    case 'domain':
      for (const d of history.domains) list.push({ kind, id: d.id, label: d.name, description: d.archivedAt !== undefined ? t('archived') : date(d.createdAt), at: d.createdAt });
      break;
    case 'reflection':
      for (const r of history.reflections) list.push({ kind, id: r.id, label: t('Week of {0}', date(r.weekOf)), description: r.didWell, at: r.at });
      break;
    case 'cue':
      for (const c of history.cues) list.push({ kind, id: c.id, label: c.instruction, description: t('used {0}×', cueUses(c)), at: c.createdAt });
      break;
    case 'model':
      for (const m of history.models) list.push({ kind, id: m.id, label: m.name, description: m.workflowNotes, at: m.createdAt });
      break;
    case 'encouragement':
      for (const e of history.encouragements) list.push({ kind, id: e.id, label: e.text, description: `— ${e.from}`, at: e.at });
      break;
  }
  return list.sort((a, b) => b.at - a.at).slice(0, 300);
}

function kindChoices(): PickItem<RecordKind>[] {
  return [
    { icon: 'star-full', label: t('A win'), value: 'win' },
    { icon: 'pass', label: t('A subgoal'), value: 'subgoal' },
    { icon: 'history', label: t('A session'), value: 'session' },
    { icon: 'symbol-namespace', label: t('A domain'), value: 'domain' },
    { icon: 'book', label: t('A weekly reflection'), value: 'reflection' },
    { icon: 'comment-discussion', label: t('A self-talk cue'), value: 'cue' },
    { icon: 'person', label: t('A vicarious model'), value: 'model' },
    { icon: 'quote', label: t('An encouragement'), value: 'encouragement' },
  ];
}

type Choice = 'edit' | 'delete' | 'archive' | 'restore' | WinAuthor;

function actionChoices(kind: RecordKind, archived: boolean): PickItem<Choice>[] {
  const items: PickItem<Choice>[] = [];
  if (kind !== 'session') items.push({ icon: 'edit', label: kind === 'domain' ? t('Rename…') : t('Edit…'), value: 'edit' });
  if (kind === 'win') {
    items.push({ icon: 'person', label: t('Mark as mine'), value: 'mine' });
    items.push({ icon: 'sparkle', label: t('Mark as done with AI help'), value: 'assisted' });
    items.push({ icon: 'hubot', label: t('Mark as the assistant’s'), value: 'assistant' });
  }
  if (kind === 'domain') items.push(archived ? { icon: 'archive', label: t('Restore'), value: 'restore' } : { icon: 'archive', label: t('Archive'), value: 'archive' });
  items.push({ icon: 'trash', label: t('Delete…'), value: 'delete' });
  return items;
}

/** Asks for the new text of a record, starting from what it says now; undefined when cancelled. */
async function askEdit(ctx: Services, history: Journal, kind: RecordKind, id: string): Promise<RecordEdit | undefined> {
  const ask = (prompt: string, value: string, max: number = LIMITS.text) => askText(ctx, { title: title(), prompt, value, max, what: t('the text') });
  switch (kind) {
    case 'win': {
      const win = history.sessions.flatMap((s) => s.wins).find((w) => w.id === id);
      const text = win && (await ask(t('The win, as you want it recorded:'), win.text));
      return text === undefined ? undefined : { kind, id, text };
    }
    case 'subgoal': {
      const goal = history.sessions.flatMap((s) => s.subgoals).find((g) => g.id === id);
      const text = goal && (await ask(t('The subgoal, as you want it recorded:'), goal.text));
      return text === undefined ? undefined : { kind, id, text };
    }
    case 'domain': {
      const domain = history.domains.find((d) => d.id === id);
      const name = domain && (await ask(t('A new name for the domain:'), domain.name, LIMITS.name));
      return name === undefined ? undefined : { kind, id, name };
    }
    case 'reflection': {
      const r = history.reflections.find((x) => x.id === id);
      if (!r) return undefined;
      const didWell = await ask(t('What did I do well this week?'), r.didWell, LIMITS.note);
      const doDifferently = didWell === undefined ? undefined : await ask(t('What would I do differently?'), r.doDifferently, LIMITS.note);
      const learned = doDifferently === undefined ? undefined : await ask(t('What did this teach me about my capabilities?'), r.learned, LIMITS.note);
      return didWell === undefined || doDifferently === undefined || learned === undefined ? undefined : { kind, id, didWell, doDifferently, learned };
    }
    case 'cue': {
      const cue = history.cues.find((c) => c.id === id);
      const instruction = cue && (await ask(t('The instruction:'), cue.instruction));
      return instruction === undefined ? undefined : { kind, id, instruction };
    }
    case 'model': {
      const model = history.models.find((m) => m.id === id);
      if (!model) return undefined;
      const name = await ask(t('Who?'), model.name, LIMITS.name);
      const workflowNotes = name === undefined ? undefined : await ask(t('How does {0} work?', name), model.workflowNotes, LIMITS.note);
      return name === undefined || workflowNotes === undefined ? undefined : { kind, id, name, workflowNotes };
    }
    case 'encouragement': {
      const e = history.encouragements.find((x) => x.id === id);
      if (!e) return undefined;
      const from = await ask(t('Who said it?'), e.from, LIMITS.name);
      const text = from === undefined ? undefined : await ask(t('What did {0} say?', from), e.text);
      return from === undefined || text === undefined ? undefined : { kind, id, from, text };
    }
    case 'session':
      return undefined;
  }
}

/** The confirmation says what goes: for a domain, how many sessions and ratings with it. */
async function confirmDelete(ctx: Services, kind: RecordKind, id: string, label: string): Promise<boolean> {
  const scope = await deletionScope(ctx, kind, id);
  const message =
    kind === 'domain'
      ? t('Delete the domain "{0}" with its {1} sessions and {2} ratings? This cannot be undone.', clip(label, 60), scope.sessions, scope.ratings)
      : t('Delete "{0}"? This cannot be undone.', clip(label, 60));
  return ctx.ui.confirm(message, t('Delete'));
}

/** "Edit or Delete…": pick a kind, a record, then what to do with it. */
export async function editOrDelete(ctx: Services): Promise<void> {
  const kind = await ctx.ui.pick(kindChoices(), { title: title(), placeholder: t('What do you want to correct or remove?') });
  if (kind === undefined) return;
  const history = await ctx.store.history();
  const records = recordsOf(history, kind, ctx.language);
  if (records.length === 0) {
    void ctx.ui.info(t('There is nothing of that kind in your journal yet.'));
    return;
  }
  const picked = await ctx.ui.pick(
    records.map((r) => ({ label: clip(r.label, 120), description: clip(r.description, 80), value: r })),
    { title: title(), placeholder: t('Which one?') },
  );
  if (!picked) return;
  const archived = kind === 'domain' && history.domains.some((d) => d.id === picked.id && d.archivedAt !== undefined);
  const choice = await ctx.ui.pick(actionChoices(kind, archived), { title: title(), placeholder: clip(picked.label, 80) });
  if (choice === undefined) return;
  if (choice === 'delete') {
    if (await confirmDelete(ctx, kind, picked.id, picked.label)) present(ctx, (await deleteRecord(ctx, kind, picked.id)).notices);
    return;
  }
  if (choice === 'archive' || choice === 'restore') {
    present(ctx, (await editRecord(ctx, { kind: 'domain', id: picked.id, archived: choice === 'archive' })).notices);
    return;
  }
  if (choice !== 'edit') {
    present(ctx, (await editRecord(ctx, { kind: 'win', id: picked.id, by: choice })).notices);
    return;
  }
  const edit = await askEdit(ctx, history, kind, picked.id);
  if (edit) present(ctx, (await editRecord(ctx, edit)).notices);
}

/** "Delete All My Data…": everything Small Wins stored on this machine, after a confirmation. */
export async function deleteEverything(ctx: Services, folders?: Pick<FolderChoice, 'chosen' | 'erase'>, backups?: Pick<BackupShelf, 'list' | 'where' | 'erase'>): Promise<void> {
  const history = await ctx.store.history();
  const question = t('Delete everything Small Wins stored on this machine: {0} domains, {1} sessions and all ratings, reflections, cues, models and encouragement? This cannot be undone. Export your journal first if you may want it back.', history.domains.length, history.sessions.length);
  // What was set aside as unreadable holds the user's text too; the erase removes it, so the question says so.
  const aside = ctx.store.setAside().length;
  const also = aside > 0 ? ` ${t('This also deletes the {0} set-aside copies of records that could not be read (export them first with Show Set-Aside Records).', aside)}` : '';
  const kept = (await backups?.list())?.length ?? 0;
  const alsoBackups = kept > 0 ? ` ${t('This also deletes the {0} daily backups in "{1}".', kept, backups?.where() ?? '')}` : '';
  const confirmed = await ctx.ui.confirm(question + also + alsoBackups, t('Delete All'));
  if (!confirmed) return;
  // With a journal folder, the only way an erase reaches other machines is the user saying so here.
  const folder = folders?.chosen();
  let everywhere = false;
  if (folder !== undefined) {
    const choice = await ctx.ui.pick(
      [
        { label: t('Only on this machine'), description: t('The folder and your other machines keep your record'), value: false },
        { label: t('Everywhere'), description: t('Every machine\'s files in "{0}" too; your other machines delete theirs when they next read it', folder), value: true },
      ],
      { title: t('Small Wins: Delete All My Data'), placeholder: t('Your record is also kept in the journal folder "{0}". Delete it there too?', folder) },
    );
    if (choice === undefined) return;
    everywhere = choice;
  }
  const done = await deleteAllData(ctx);
  await backups?.erase();
  const problem = await folders?.erase(everywhere);
  const notices = [...done.notices];
  if (problem) notices.push(warn(t('Small Wins could not reach the journal folder to delete your record there ({0}). Run Delete All My Data again when it is back.', problem)));
  else if (everywhere) notices.push(info(t('Every machine\'s files in "{0}" were deleted too; your other machines delete their journal when they next read the folder.', folder ?? '')));
  present(ctx, notices);
}

/** "Show Set-Aside Records": what could not be read, to export to a file or discard. */
export async function showSetAside(ctx: Services): Promise<void> {
  const items = ctx.store.setAside();
  if (items.length === 0) {
    void ctx.ui.info(t('Nothing was set aside: every stored record could be read.'));
    return;
  }
  const picked = await ctx.ui.pick(
    items.map((item) => ({ label: new Date(item.at).toLocaleString(ctx.language, inTimeZone({})), detail: item.problem, value: item })),
    { title: t('Small Wins: Set-Aside Records'), placeholder: t('Records that could not be read, kept aside. Pick one to export or discard it.') },
  );
  if (!picked) return;
  const exportIt = t('Export to a file…');
  const discard = t('Discard');
  const choice = await ctx.ui.pick(
    [
      { icon: 'save', label: exportIt, value: 'export' as const },
      { icon: 'trash', label: discard, value: 'discard' as const },
    ],
    { title: t('Small Wins: Set-Aside Records'), placeholder: picked.problem },
  );
  if (choice === 'export') {
    const written = await ctx.ui.saveText(`small-wins-set-aside-${picked.at}.json`, JSON.stringify(picked.data, null, 2), { title: t('Export set-aside records'), kind: 'json' });
    if (written) void ctx.ui.info(t('Exported to {0}.', written));
  } else if (choice === 'discard' && (await ctx.ui.confirm(t('Discard these set-aside records? This cannot be undone.'), discard))) {
    await ctx.store.discardSetAside(picked.key);
    void ctx.ui.info(t('Discarded.'));
  }
}
