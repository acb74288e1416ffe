import type { Services } from '../services';

/** A sentence an action wants the user to read; each surface shows it its own way. */
export interface Notice {
  /** ack: the acknowledgment of the user's own action, which the user may send to the status bar. */
  kind: 'info' | 'warn' | 'ack';
  text: string;
  /** A few words for the status bar, for an acknowledgment. */
  brief?: string;
}

/** What an action returns: what it changed (its value) and the sentences to show. */
export interface Done<T> {
  value: T;
  notices: Notice[];
}

/** What actions are handed: everything but the prompts, which belong to the surfaces. */
export type ActionServices = Pick<Services, 'store' | 'clock' | 'settings' | 'defaults' | 'workspaceLabel' | 'suggestions' | 'language' | 'device' | 'edits'>;

export const info = (text: string): Notice => ({ kind: 'info', text });
export const warn = (text: string): Notice => ({ kind: 'warn', text });
