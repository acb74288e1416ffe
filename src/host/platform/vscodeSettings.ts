import * as vscode from 'vscode';
import { sanitizeSettings, SETTING_KEYS } from './settings';
import type { Settings } from './settings';

/** Reads `smallWins.*` each time it is called, so edits apply at once. */
export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration('smallWins');
  return sanitizeSettings(Object.fromEntries(Object.entries(SETTING_KEYS).map(([field, key]) => [field, c.get(key)])));
}
