/** Every command, by its short name; the full id is `smallWins.<name>`. Kept in sync with package.json by a unit test. */
export const COMMAND_NAMES = [
  'startSession',
  'addSubgoal',
  'logWin',
  'selfTalk',
  'reframeArousal',
  'togglePause',
  'endSession',
  'rateDomain',
  'weeklyReflection',
  'weeklyReview',
  'writeReview',
  'addModel',
  'recordEncouragement',
  'showEvidence',
  'exportData',
  'importData',
  'sessionMenu',
  'openDashboard',
  'editOrDelete',
  'deleteAllData',
  'showSetAside',
  'showProgress',
  'chooseJournalFolder',
  'syncJournalFolder',
  'restoreFromBackup',
] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];

export const commandId = (name: CommandName): string => `smallWins.${name}`;
