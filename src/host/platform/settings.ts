/** Settings, read at the moment of use so a change applies without a reload. */
export interface Settings {
  confidenceThreshold: number;
  defaultPlannedMinutes: number;
  sleepThresholdMinutes: number;
  reassessmentIntervalDays: number;
  acknowledgeWins: boolean;
  showDomainInStatusBar: boolean;
  evidenceTasks: boolean;
  evidenceCommits: boolean;
  evidenceDiagnostics: boolean;
  /** quick: three steps at the end of a session; full: every question. */
  reviewDepth: 'quick' | 'full';
  /** Where a win's acknowledgment shows. */
  acknowledgeIn: 'notification' | 'statusBar';
  /** Due prompts as notifications too (otherwise only in the dashboard and the tooltip). */
  reminders: boolean;
  /** Minutes with no VS Code window active before the away question. */
  awayThresholdMinutes: number;
  /** Suggested wins from commits and tasks are recorded as done with AI help. */
  commitsWithAiHelp: boolean;
  /** The shrink threshold learns from the record (opt-in). */
  learnThreshold: boolean;
  /** A folder that a sync tool carries between machines, where each device keeps its own files of the journal; '' for none. */
  journalFolder: string;
  /** A dated export of the whole record each day (the last few kept) while no journal folder is set. */
  dailyBackups: boolean;
  /** The time zone days are cut in ("Europe/Berlin"); '' for the one of the computer the user sits at. */
  timeZone: string;
}

export const DEFAULT_SETTINGS: Settings = {
  confidenceThreshold: 7,
  defaultPlannedMinutes: 25,
  sleepThresholdMinutes: 2,
  reassessmentIntervalDays: 7,
  acknowledgeWins: true,
  showDomainInStatusBar: true,
  evidenceTasks: true,
  evidenceCommits: true,
  evidenceDiagnostics: true,
  reviewDepth: 'quick',
  acknowledgeIn: 'notification',
  reminders: false,
  awayThresholdMinutes: 15,
  commitsWithAiHelp: false,
  learnThreshold: false,
  journalFolder: '',
  dailyBackups: true,
  timeZone: '',
};

/** Where each setting lives under `smallWins.` in settings.json (package.json declares the same keys). */
export const SETTING_KEYS: Readonly<Record<keyof Settings, string>> = {
  confidenceThreshold: 'confidenceThreshold',
  defaultPlannedMinutes: 'defaultPlannedMinutes',
  sleepThresholdMinutes: 'sleepThresholdMinutes',
  reassessmentIntervalDays: 'reassessmentIntervalDays',
  acknowledgeWins: 'acknowledgeWins',
  showDomainInStatusBar: 'statusBar.showDomain',
  evidenceTasks: 'evidence.tasks',
  evidenceCommits: 'evidence.commits',
  evidenceDiagnostics: 'evidence.diagnostics',
  reviewDepth: 'review.depth',
  acknowledgeIn: 'acknowledgeIn',
  reminders: 'reminders',
  awayThresholdMinutes: 'awayThresholdMinutes',
  commitsWithAiHelp: 'evidence.commitsWithAiHelp',
  learnThreshold: 'learnThreshold',
  journalFolder: 'journalFolder',
  dailyBackups: 'dailyBackups',
  timeZone: 'timeZone',
};

/** Clamps what a user typed into settings.json to the range each setting allows. */
export function sanitizeSettings(raw: Partial<Record<keyof Settings, unknown>>): Settings {
  const num = (v: unknown, min: number, max: number, fallback: number) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : fallback;
  const bool = (v: unknown, fallback: boolean) => (typeof v === 'boolean' ? v : fallback);
  const d = DEFAULT_SETTINGS;
  return {
    confidenceThreshold: num(raw.confidenceThreshold, 0, 10, d.confidenceThreshold),
    defaultPlannedMinutes: num(raw.defaultPlannedMinutes, 0, 24 * 60, d.defaultPlannedMinutes),
    sleepThresholdMinutes: num(raw.sleepThresholdMinutes, 1, 24 * 60, d.sleepThresholdMinutes),
    reassessmentIntervalDays: num(raw.reassessmentIntervalDays, 1, 365, d.reassessmentIntervalDays),
    acknowledgeWins: bool(raw.acknowledgeWins, d.acknowledgeWins),
    showDomainInStatusBar: bool(raw.showDomainInStatusBar, d.showDomainInStatusBar),
    evidenceTasks: bool(raw.evidenceTasks, d.evidenceTasks),
    evidenceCommits: bool(raw.evidenceCommits, d.evidenceCommits),
    evidenceDiagnostics: bool(raw.evidenceDiagnostics, d.evidenceDiagnostics),
    reviewDepth: raw.reviewDepth === 'full' ? 'full' : 'quick',
    acknowledgeIn: raw.acknowledgeIn === 'statusBar' ? 'statusBar' : 'notification',
    reminders: bool(raw.reminders, d.reminders),
    // Fractions of a minute are allowed (a tenth at least), so the away question can be tried quickly.
    awayThresholdMinutes: typeof raw.awayThresholdMinutes === 'number' && Number.isFinite(raw.awayThresholdMinutes) ? Math.min(1440, Math.max(0.1, raw.awayThresholdMinutes)) : d.awayThresholdMinutes,
    commitsWithAiHelp: bool(raw.commitsWithAiHelp, d.commitsWithAiHelp),
    learnThreshold: bool(raw.learnThreshold, d.learnThreshold),
    journalFolder: typeof raw.journalFolder === 'string' && raw.journalFolder.trim().length <= 4096 ? raw.journalFolder.trim() : d.journalFolder,
    dailyBackups: bool(raw.dailyBackups, d.dailyBackups),
    timeZone: typeof raw.timeZone === 'string' && raw.timeZone.trim().length <= 64 ? raw.timeZone.trim() : d.timeZone,
  };
}
