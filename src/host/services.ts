import type { Clock } from '../core/clock';
import type { CommandName } from './commands/commandIds';
import type { SuggestionBox } from './suggestions/suggestionBox';
import type { JournalStore } from './storage/journalStore';
import type { Settings } from './platform/settings';
import type { Ui } from './platform/ui';
import type { WorkspaceDefaultsStore } from './storage/workspaceDefaults';
import type { EditWatch } from './storage/editWatch';

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
  /** This device's id (storage/deviceId.ts), under which it counts what it counts (a cue's uses). */
  device: string;
  /** This window's saved corrections, until another copy undoes one (the dashboard says so once). */
  edits: EditWatch;
  /** Shows a few words in the status bar for a few seconds (a win's acknowledgment, when chosen). */
  flash: (text: string) => void;
  /** A webview, which runs on the computer the user sits at, says that computer's time zone (platform/timeZone.ts). */
  learnTimeZone: (name: string) => void;
}
