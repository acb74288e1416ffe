import type { Figures } from '../../shared/progressProtocol';

/**
 * The sidebar draws its charts with the Progress tab's modules (Observable Plot), which weigh more
 * than the rest of the sidebar together: they come in their own script (figures.js), asked for once
 * the sidebar first shows, so the start form and the session never wait for them.
 */
export type DrawFigures = (figures: Figures, width: number) => HTMLElement[];

const GLOBAL = 'smallWinsFigures';
const READY = 'small-wins-figures';

/** Captured while this bundle's own script runs: the script it adds carries the page's nonce. */
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';
let asked = false;

/** The drawer, once its script has run; until then undefined, and `onReady` runs when it arrives (`onFailed` if it cannot). */
export function figureDrawer(onReady: () => void, onFailed: () => void): DrawFigures | undefined {
  const drawer = (window as unknown as Record<string, DrawFigures | undefined>)[GLOBAL];
  if (drawer || asked) return drawer;
  asked = true;
  window.addEventListener(READY, onReady, { once: true });
  const source = document.getElementById('figures-script')?.dataset['src'];
  if (!source) return undefined;
  const script = Object.assign(document.createElement('script'), { nonce, src: source });
  script.addEventListener('error', onFailed, { once: true });
  document.body.append(script);
  return undefined;
}

/** Called by figures.js when it has run. */
export function provideFigures(draw: DrawFigures): void {
  (window as unknown as Record<string, DrawFigures>)[GLOBAL] = draw;
  window.dispatchEvent(new Event(READY));
}
