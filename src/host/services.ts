import type { Clock } from '../core/clock';
import type { CommandName } from './commands/commandIds';
import type { SuggestionBox } from './suggestions/suggestionBox';
import type { Journal, Session } from '../core/schema';
import { activeSession } from '../core/session';
import type { JournalStore } from './storage/journalStore';
import type { Settings } from './platform/settings';
import type { Ui } from './platform/ui';
import type { WorkspaceDefaultsStore } from './storage/workspaceDefaults';
import { t } from '../core/l10n';

/** What every part of the host is handed, so each runs against fakes in unit tests. */
export interface Services {
  ui: Ui;
  store: JournalStore;
  defaults: WorkspaceDefaultsStore;
  clock: Clock;
  settings: () => Settings;
  /** VS Code's display language (a BCP 47 tag), for dates and times in what the user reads. */
  language: string;
  /** The label of the current workspace, recorded on each session. */
  workspaceLabel: () => string;
  /** Runs another Small Wins command by its id (never a name from outside). */
  run: (command: CommandName) => Promise<void>;
  /** Wins the editor noticed, waiting for the user's click. */
  suggestions: SuggestionBox;
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

export function domainName(journal: Journal, domainId: string): string {
  return journal.domains.find((d) => d.id === domainId)?.name ?? t('an unknown domain');
}
