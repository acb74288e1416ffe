import { knownTimeZone, processTimeZone, timeZoneName, useTimeZone } from '../../core/time';
import { t } from '../../core/l10n';
import type { MementoLike } from './mementoLike';

/** The time zone of the computer the user sits at, as a webview there last said it (globalState: per machine, not synced). */
export const LEARNED_ZONE_KEY = 'smallWins.screenTimeZone';

/**
 * Days, weeks and months are cut in the user's own time zone. In a remote window (SSH, WSL, a
 * container, a server opened in a browser) the extension runs on another machine, often in UTC; the
 * dashboard and the Progress tab run on the computer the user sits at, and say its zone. The setting
 * `smallWins.timeZone` names one outright.
 */
export class UserTimeZone {
  /** The setting's value last said to be unknown: said once per value, not at every change. */
  #refused = '';

  constructor(
    private readonly o: {
      memento: MementoLike;
      setting: () => string;
      /** Days are cut otherwise now: views recompute. */
      changed: () => void;
      report: (problem: string) => void;
    },
  ) {}

  /** Applies the setting, else the zone learned from the user's screen, else this process's own. */
  apply(): void {
    const before = timeZoneName();
    const chosen = this.o.setting();
    const learned = this.o.memento.get(LEARNED_ZONE_KEY);
    const fallback = typeof learned === 'string' && knownTimeZone(learned) ? learned : undefined;
    if (chosen !== '' && useTimeZone(chosen)) this.#refused = '';
    else {
      useTimeZone(fallback);
      if (chosen !== '' && chosen !== this.#refused) {
        this.#refused = chosen;
        this.o.report(t('The time zone "{0}" (setting smallWins.timeZone) is not one this computer knows, such as Europe/Berlin; days are cut in {1}.', chosen, timeZoneName()));
      }
    }
    if (timeZoneName() !== before) this.o.changed();
  }

  /** A webview said the zone of the computer it runs on. */
  learn(name: string): void {
    const known = knownTimeZone(name);
    const stored = this.o.memento.get(LEARNED_ZONE_KEY);
    if (known === undefined || (typeof stored === 'string' ? stored : processTimeZone()) === known) return;
    // Where the host runs in the same zone, nothing needs remembering.
    void Promise.resolve(this.o.memento.update(LEARNED_ZONE_KEY, known === processTimeZone() ? undefined : known)).then(undefined, () => undefined);
    this.apply();
  }
}
