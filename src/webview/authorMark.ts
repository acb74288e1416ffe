import { t } from '../core/l10n';
import type { WinView } from '../shared/protocol';
import { h } from './dom';

/** Who did it, when it was not only the user: said in words, so it reads the same to a screen reader. */
export function authorMark(win: Pick<WinView, 'by'>): HTMLElement | null {
  if (!win.by) return null;
  return h('span', { class: 'author muted' }, ' ', win.by === 'assisted' ? t('(with AI help)') : t('(the assistant’s)'));
}
