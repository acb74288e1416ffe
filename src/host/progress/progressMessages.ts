import { progressMessageSchema } from '../../shared/progressProtocol';
import type { ProgressMessage, ProgressMessageType } from '../../shared/progressProtocol';
import type { ProgressRange } from '../../core/figures/progress';

export interface ProgressPort {
  sendSnapshot(): void;
  /** The time zone of the computer the tab is shown on (the user's). */
  learnTimeZone(name: string): void;
  setRange(range: ProgressRange): void;
  /** The domains to show; the port hides every other one it knows. */
  showDomains(domainIds: readonly string[]): void;
  /** Write My Review for what the tab shows. */
  writeReview(): void;
}

type Handlers = { [K in ProgressMessageType]: (message: Extract<ProgressMessage, { type: K }>) => void };

/**
 * Handles what the Progress tab posts. Every message is validated once with safeParse; one that does
 * not parse changes nothing and never throws. The tab only chooses what to look at: nothing here
 * changes the journal.
 */
export function createProgressHandler(port: ProgressPort): (raw: unknown) => void {
  const handlers: Handlers = {
    ready: (m) => {
      if (m.zone) port.learnTimeZone(m.zone);
      port.sendSnapshot();
    },
    setRange: (m) => {
      port.setRange(m.range);
      port.sendSnapshot();
    },
    setDomains: (m) => {
      port.showDomains(m.domainIds);
      port.sendSnapshot();
    },
    writeReview: () => port.writeReview(),
  };
  return (raw) => {
    const parsed = progressMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    (handlers[message.type] as (m: ProgressMessage) => void)(message);
  };
}
