import * as vscode from 'vscode';
import { sanitizeSettings } from './settings';
import type { Settings } from './settings';

/** Reads `smallWins.*` each time it is called, so edits apply at once. */
export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration('smallWins');
  return sanitizeSettings({
    confidenceThreshold: c.get('confidenceThreshold'),
    defaultPlannedMinutes: c.get('defaultPlannedMinutes'),
    sleepThresholdMinutes: c.get('sleepThresholdMinutes'),
    reassessmentIntervalDays: c.get('reassessmentIntervalDays'),
    acknowledgeWins: c.get('acknowledgeWins'),
    showDomainInStatusBar: c.get('statusBar.showDomain'),
    evidenceTasks: c.get('evidence.tasks'),
    evidenceCommits: c.get('evidence.commits'),
    evidenceDiagnostics: c.get('evidence.diagnostics'),
    reviewDepth: c.get('review.depth'),
    acknowledgeIn: c.get('acknowledgeIn'),
    reminders: c.get('reminders'),
    awayThresholdMinutes: c.get('awayThresholdMinutes'),
    commitsWithAiHelp: c.get('evidence.commitsWithAiHelp'),
    learnThreshold: c.get('learnThreshold'),
  });
}
