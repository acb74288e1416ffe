/** Bounds on every text the user can type or import, so one paste cannot bloat the journal. */
export const LIMITS = {
  name: 80,
  text: 500,
  note: 2000,
  id: 64,
} as const;
