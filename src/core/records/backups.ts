import type { Journal } from './schema';
import { localDate } from '../time';

/** How many dated backups are kept: a week of working days and then some. */
export const BACKUPS_KEPT = 7;

/** What a backup's name says, so listing backups reads no file. */
export interface BackupInfo {
  name: string;
  /** "2026-12-05", the local day it was made. */
  day: string;
  sessions: number;
  wins: number;
}

const NAME = /^small-wins-(\d{4}-\d{2}-\d{2})-(\d{1,7})s-(\d{1,8})w\.json$/;

/** "small-wins-2026-12-05-120s-340w.json": the day, and the sessions and wins it holds. */
export function backupName(journal: Journal, now: number): string {
  const wins = journal.sessions.reduce((n, s) => n + s.wins.length, 0);
  return `small-wins-${localDate(now)}-${journal.sessions.length}s-${wins}w.json`;
}

export function backupInfo(name: string): BackupInfo | undefined {
  const match = NAME.exec(name);
  if (!match) return undefined;
  return { name, day: match[1] as string, sessions: Number(match[2]), wins: Number(match[3]) };
}

/** The backups, newest first. */
export function listedBackups(names: readonly string[]): BackupInfo[] {
  return names.flatMap((n) => backupInfo(n) ?? []).sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : b.sessions - a.sessions));
}

/** Whether one was made on this day already. */
export function backedUpOn(names: readonly string[], now: number): boolean {
  const day = localDate(now);
  return names.some((n) => backupInfo(n)?.day === day);
}

/** The backups past the newest BACKUPS_KEPT: they go. */
export function backupsToRemove(names: readonly string[]): string[] {
  return listedBackups(names).slice(BACKUPS_KEPT).map((b) => b.name);
}
