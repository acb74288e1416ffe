/**
 * Messages between the Progress tab and the host. The tab owns no data: it posts what the user chose
 * (a range, the domains to show) and renders the full snapshot the host sends back.
 */
import * as z from 'zod/mini';
import { idSchema } from '../core/records/schema';
import { PROGRESS_RANGES } from '../core/figures/progress';
import type { CalendarDay, DomainSummary, ProgressRange } from '../core/figures/progress';
import type { CalibrationRow } from '../core/figures/insights';
import type { BrierPoint } from '../core/figures/calibration';

// ---- webview → host: validated once by the host with safeParse ----

/** Far more domains than anyone keeps, so a message cannot carry an unbounded list. */
const MAX_DOMAIN_IDS = 1000;

export const progressMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready'), zone: z.optional(z.string().check(z.maxLength(64))) }),
  z.strictObject({ type: z.literal('setRange'), range: z.literal(PROGRESS_RANGES) }),
  /** The domains to show; any domain not listed is hidden, and a domain created later is shown. */
  z.strictObject({ type: z.literal('setDomains'), domainIds: z.array(idSchema).check(z.maxLength(MAX_DOMAIN_IDS)) }),
  /** Write My Review for the range and the domains the tab shows. */
  z.strictObject({ type: z.literal('writeReview') }),
]);

export type ProgressMessage = z.infer<typeof progressMessageSchema>;
export type ProgressMessageType = ProgressMessage['type'];

// ---- host → webview: plain types, built by the host ----

/**
 * The figures, as one model for every surface that draws them (src/webview/figures): the Progress tab
 * for the range the user chose, the sidebar for the last three months.
 */
export interface Figures {
  now: number;
  range: ProgressRange;
  /** Monday 00:00 of the range's first week. */
  from: number;
  /** Every domain the filter offers, in a stable order (series colours follow it). */
  domains: { id: string; name: string; shown: boolean }[];
  belief: { domainId: string; domainName: string; points: { at: number; value: number }[] }[];
  calendar: { from: number; days: CalendarDay[] };
  /** Per week with reviews: the share of causes that were the user's own and controllable. */
  ownCauses: { weekOf: number; reviews: number; ownShare: number }[];
  calibration: CalibrationRow[];
  /** Brier score per domain per month (0 is perfect). */
  brier: { domainId: string; domainName: string; points: BrierPoint[] }[];
  focus: { weekOf: number; minutes: number }[];
}

export interface ProgressSnapshot extends Figures {
  summary: (DomainSummary & { domainName: string })[];
}

export type ProgressHostMessage = { type: 'snapshot'; snapshot: ProgressSnapshot } | { type: 'error'; text: string };
