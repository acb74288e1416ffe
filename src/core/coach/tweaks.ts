import type { Journal, Session, SlipReview } from '../records/schema';
import { t } from '../l10n';
import { calendarDate, daysAgo, weekdayName } from './dates';
import { sameTextKey } from './normalize';
import { later } from '../time';

/** A tweak from a slip review: the session it was written for, and when that review was done. */
export interface Tweak {
  sessionId: string;
  tweak: string;
  at: number;
}

type SlipSession = Session & { review: NonNullable<Session['review']> & { slip: SlipReview } };

const hasSlip = (s: Session): s is SlipSession => s.review?.slip !== undefined;

/** The later of two tweaks; of two reviews in the same millisecond the larger session id, so every copy and every order of reading agrees. */
export function laterTweak<T extends Tweak>(x: T | undefined, y: T | undefined): T | undefined {
  return later(x, y, (tweak) => tweak.sessionId);
}

/** The latest slip review's tweak in a domain, or undefined when no slip there was ever reviewed. */
export function lastTweak(journal: Journal, domainId: string): Tweak | undefined {
  let latest: Tweak | undefined;
  for (const s of journal.sessions) {
    if (s.domainId === domainId && hasSlip(s)) latest = laterTweak(latest, { sessionId: s.id, tweak: s.review.slip.tweak, at: s.review.at });
  }
  return latest;
}

/**
 * "Your tweak from Tuesday: …", for the next start in the domain. A weekday names a day only within
 * the last six days; further back (or a review dated after `now`, when the clock was off) it is the date.
 */
export function tweakReminder(journal: Journal, domainId: string, now: number, language: string): string | undefined {
  const last = lastTweak(journal, domainId);
  return last && tweakSentence(last, now, language);
}

/** The reminder of one tweak (see tweakReminder). */
export function tweakSentence(last: Tweak, now: number, language: string): string {
  const ago = daysAgo(last.at, now);
  if (ago === 0) return t('Your tweak from today: {0}', last.tweak);
  if (ago === 1) return t('Your tweak from yesterday: {0}', last.tweak);
  if (ago > 1 && ago <= 6) return t('Your tweak from {0}: {1}', weekdayName(last.at, language), last.tweak);
  return t('Your tweak from {0}: {1}', calendarDate(last.at, language), last.tweak);
}

/**
 * The latest tweak in a domain while nobody has yet been asked whether it helped: once a review
 * answers for it (`review.tweak.of`), it is closed, so the question comes once.
 */
export function tweakStillOpen(journal: Journal, domainId: string): Tweak | undefined {
  const last = lastTweak(journal, domainId);
  if (!last) return undefined;
  const asked = journal.sessions.some((s) => s.domainId === domainId && s.review?.tweak?.of === last.sessionId);
  return asked ? undefined : last;
}

/** A tweak a later review said helped. */
export interface WorkingTweak extends Tweak {
  domainId: string;
  /** When the later review said it helped. */
  helpedAt: number;
}

/**
 * Tweaks that a later review said helped, most recently confirmed first, one per text (however it
 * was capitalised or punctuated), for the evidence bank's "What works for you".
 */
export function tweaksThatWork(journal: Journal): WorkingTweak[] {
  const withSlip = new Map<string, SlipSession>();
  for (const s of journal.sessions) if (hasSlip(s)) withSlip.set(s.id, s);
  const found: WorkingTweak[] = [];
  for (const s of journal.sessions) {
    const answer = s.review?.tweak;
    if (!s.review || answer?.outcome !== 'helped') continue;
    const source = withSlip.get(answer.of);
    if (!source) continue;
    found.push({ sessionId: source.id, tweak: source.review.slip.tweak, at: source.review.at, domainId: source.domainId, helpedAt: s.review.at });
  }
  return mostRecentlyHelped(found);
}

/** Most recently confirmed first (then the newer tweak, then the larger session id), one per text. */
export function mostRecentlyHelped(found: WorkingTweak[]): WorkingTweak[] {
  found.sort((a, b) => b.helpedAt - a.helpedAt || b.at - a.at || (a.sessionId < b.sessionId ? 1 : a.sessionId > b.sessionId ? -1 : 0));
  const seen = new Set<string>();
  return found.filter((w) => {
    const key = sameTextKey(w.tweak);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
