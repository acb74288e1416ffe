import type { Clock } from '../../core/clock';
import type { CommandName } from '../commandIds';
import type { SuggestionBox } from '../suggestionBox';
import type { Journal, Session } from '../../core/schema';
import { activeSession } from '../../core/session';
import type { JournalStore } from '../journalStore';
import type { Settings } from '../settings';
import type { Ui } from '../ui';
import type { WorkspaceDefaultsStore } from '../workspaceDefaults';
import { t } from '../../core/l10n';

/** Everything a command flow needs, passed in so flows run against fakes in unit tests. */
export interface FlowContext {
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
export async function requireSession(ctx: FlowContext): Promise<Session | undefined> {
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
