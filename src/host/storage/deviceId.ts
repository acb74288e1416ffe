import { newId } from '../../core/ids';
import { isId } from '../../core/records/schema';
import type { MementoLike } from '../platform/mementoLike';

/** This device's id in globalState: every window and reload of one machine (or browser) shares it; it is not synced. */
export const DEVICE_KEY = 'device';

/**
 * The id under which this device counts what it counts (a cue's uses). Made once; two windows that
 * make one at the same first start each keep theirs until the next reload, which reads the stored one.
 */
export function deviceId(memento: MementoLike, make: () => string = newId): string {
  const known = memento.get(DEVICE_KEY);
  if (isId(known)) return known;
  const id = make();
  // Not kept is not lost: this window counts under the id all the same, and the next start makes another.
  memento.update(DEVICE_KEY, id).then(undefined, () => undefined);
  return id;
}
