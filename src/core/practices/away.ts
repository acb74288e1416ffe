/** The last change of window focus, by any window: the windows share it (a file beside the archive). */
export interface Activity {
  kind: 'focus' | 'blur';
  at: number;
  /** The window that wrote it. */
  by: string;
}

/**
 * The stretch in which no VS Code window was active: from the last time a window lost focus (when no
 * window has gained it since) to now, if it is at least `thresholdMs` long.
 */
export function awayStretch(last: Activity | undefined, now: number, thresholdMs: number): { from: number; to: number } | undefined {
  if (!last || last.kind !== 'blur' || now < last.at) return undefined;
  return now - last.at >= thresholdMs ? { from: last.at, to: now } : undefined;
}
