import { CommitWatch } from '../../src/core/suggestions';
import type { Suggestion } from '../../src/core/suggestions';
import { deviceId } from '../../src/host/storage/deviceId';
import { EditWatch } from '../../src/host/storage/editWatch';
import { MemoryMemento } from '../harness/memoryMemento';
import type { Clock } from '../../src/core/clock';
import { JournalStore } from '../../src/host/storage/journalStore';
import { Archive } from '../../src/host/storage/archive';
import type { ArchiveFiles } from '../../src/host/storage/archive';
import { WorkspaceDefaultsStore } from '../../src/host/storage/workspaceDefaults';
import { SuggestionBox } from '../../src/host/suggestions/suggestionBox';
import { RenderedUi } from '../../src/host/platform/renderedUi';
import { DEFAULT_SETTINGS } from '../../src/host/platform/settings';
import type { Settings } from '../../src/host/platform/settings';
import type { Services } from '../../src/host/services';
import type { ComposeOptions, Composed, InputOptions, PickItem, PickOptions, Ui } from '../../src/host/platform/ui';
import type { CommandName } from '../../src/host/commands/commandIds';
import { startFocusSession } from '../../src/host/commands/start';
import { endAndReview } from '../../src/host/commands/end';
import { activeSession } from '../../src/core/session';
import type { Session } from '../../src/core/schema';

/** An archive folder in memory; `failWrites` makes every write fail, as a full disk would. */
export class MemoryArchiveFiles implements ArchiveFiles {
  readonly files = new Map<string, string>();
  failWrites = false;
  failList = false;
  beforeWrite: ((name: string) => unknown) | undefined;
  list(): Promise<string[]> {
    if (this.failList) return Promise.reject(new Error('EACCES: permission denied'));
    return Promise.resolve([...this.files.keys()]);
  }
  read(name: string): Promise<string> {
    const text = this.files.get(name);
    return text === undefined ? Promise.reject(new Error(`no file ${name}`)) : Promise.resolve(text);
  }
  write(name: string, text: string): Promise<void> {
    if (this.failWrites) return Promise.reject(new Error('ENOSPC: no space left on device'));
    this.beforeWrite?.(name);
    this.files.set(name, text);
    return Promise.resolve();
  }
  remove(name: string): Promise<void> {
    return this.files.delete(name) ? Promise.resolve() : Promise.reject(new Error(`no file ${name}`));
  }
}

/** The clock an import is judged against in tests that call importJournal directly (TestClock's start). */
export const IMPORT_NOW = Date.UTC(2026, 10, 16, 9, 0, 0);

export class TestClock {
  constructor(public now = Date.UTC(2026, 10, 16, 9, 0, 0)) {}
  readonly clock: Clock = () => this.now;
  advance(ms: number): void {
    this.now += ms;
  }
}

type PickAnswer = string | string[] | { type: string } | { button: string } | ((items: readonly PickItem<unknown>[], options: PickOptions) => unknown) | undefined;

/**
 * A scripted Ui: each prompt takes the next answer. A pick answer is the start of an item's label;
 * an input answer is typed text, and every validation message shown on the way is recorded.
 */
export class ScriptedUi implements Ui {
  readonly messages: { kind: 'info' | 'warn' | 'error'; text: string }[] = [];
  readonly validationMessages: string[] = [];
  readonly prompts: string[] = [];
  /** The title of every compose box shown (it names the current domain, length and cue). */
  readonly titles: string[] = [];
  /** Every label, description and detail of every pick shown. */
  readonly pickTexts: string[] = [];
  saved: { name: string; content: string } | undefined;
  fileToOpen: string | undefined;
  constructor(private readonly answers: (PickAnswer | { type: string })[] = [], private readonly actions: Record<string, string> = {}) {}

  queue(...answers: PickAnswer[]): void {
    this.answers.push(...answers);
  }

  get remaining(): number {
    return this.answers.length;
  }

  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | undefined> {
    this.prompts.push(options.placeholder);
    for (const i of items) this.pickTexts.push(i.label, ...(i.description === undefined ? [] : [i.description]), ...(i.detail === undefined ? [] : [i.detail]));
    const answer = this.answers.shift();
    if (answer === undefined) return Promise.resolve(undefined);
    if (typeof answer === 'function') return Promise.resolve(answer(items as readonly PickItem<unknown>[], options) as T);
    if (typeof answer !== 'string') throw new Error(`A pick takes a label, not ${JSON.stringify(answer)}`);
    const item = items.find((i) => i.label === answer) ?? items.find((i) => stripIcon(i.label).startsWith(answer));
    if (!item) throw new Error(`No item "${answer}" in [${items.map((i) => i.label).join(', ')}]`);
    return Promise.resolve(item.value);
  }

  /** An answer: a function of the items, or a list of label starts to check ('=' keeps the preselection). */
  pickMany<T>(items: readonly PickItem<T>[], options: PickOptions & { selected: readonly T[] }): Promise<T[] | undefined> {
    this.prompts.push(options.placeholder);
    for (const i of items) this.pickTexts.push(i.label);
    const answer = this.answers.shift();
    if (answer === undefined) return Promise.resolve(undefined);
    if (answer === '=') return Promise.resolve([...options.selected]);
    if (typeof answer === 'function') return Promise.resolve(answer(items as readonly PickItem<unknown>[], options) as T[]);
    if (typeof answer === 'object' && !Array.isArray(answer)) throw new Error('pickMany takes label starts');
    const starts = Array.isArray(answer) ? answer : [answer];
    return Promise.resolve(items.filter((i) => starts.some((s) => stripIcon(i.label).startsWith(s))).map((i) => i.value));
  }

  /** An answer: `{ button: id }`, the start of a row's label, or text to type (validated like the box does). */
  compose<T>(options: ComposeOptions<T>): Promise<Composed<T> | undefined> {
    this.prompts.push(options.placeholder);
    this.titles.push(options.title);
    for (const i of options.items) this.pickTexts.push(i.label);
    for (;;) {
      const answer = this.answers.shift();
      if (answer === undefined) return Promise.resolve(undefined);
      if (typeof answer === 'object' && 'button' in answer) return Promise.resolve({ kind: 'button', id: answer.button, text: options.value ?? '' });
      const text = typeof answer === 'object' && 'type' in answer ? answer.type : typeof answer === 'string' ? answer : undefined;
      if (text === undefined) throw new Error('compose takes a label, { type } or { button }');
      const row = typeof answer === 'string' ? options.items.find((i) => stripIcon(i.label).startsWith(text)) : undefined;
      if (row) return Promise.resolve({ kind: 'item', value: row.value, text: options.value ?? '' });
      const problem = options.validate?.(text.trim());
      if (!problem && text.trim()) return Promise.resolve({ kind: 'text', text: text.trim() });
      if (problem) this.validationMessages.push(problem);
    }
  }

  input(options: InputOptions): Promise<string | undefined> {
    this.prompts.push(options.prompt);
    for (;;) {
      const answer = this.answers.shift();
      if (answer === undefined) return Promise.resolve(undefined);
      if (typeof answer !== 'string') throw new Error(`Expected text for "${options.prompt}"`);
      const problem = options.validate(answer);
      if (!problem) return Promise.resolve(answer);
      this.validationMessages.push(problem);
    }
  }

  info(text: string, ...actions: string[]): Promise<string | undefined> {
    this.messages.push({ kind: 'info', text });
    return Promise.resolve(this.reply(text, actions));
  }

  warn(text: string, ...actions: string[]): Promise<string | undefined> {
    this.messages.push({ kind: 'warn', text });
    return Promise.resolve(this.reply(text, actions));
  }

  error(text: string): void {
    this.messages.push({ kind: 'error', text });
  }

  /** Confirms when the next scripted answer is the action's label; any other answer declines. */
  confirm(text: string, action: string): Promise<boolean> {
    this.messages.push({ kind: 'warn', text });
    const answer = this.answers.shift();
    return Promise.resolve(answer === action);
  }

  saveText(name: string, content: string): Promise<string | undefined> {
    this.saved = { name, content };
    return Promise.resolve(name);
  }

  folderToPick: string | undefined;
  pickFolder(): Promise<string | undefined> {
    return Promise.resolve(this.folderToPick);
  }

  openText(): Promise<string | undefined> {
    return Promise.resolve(this.fileToOpen);
  }

  private reply(text: string, actions: string[]): string | undefined {
    for (const [fragment, action] of Object.entries(this.actions)) if (text.includes(fragment) && actions.includes(action)) return action;
    return undefined;
  }
}

export interface Harness {
  ctx: Services;
  ui: ScriptedUi;
  memento: MemoryMemento;
  workspace: MemoryMemento;
  files: MemoryArchiveFiles;
  time: TestClock;
  settings: Settings;
  ran: CommandName[];
  problems: string[];
  /** What went to the status bar's flash. */
  flashes: string[];
  /** Time zones a webview said, in order. */
  zones: string[];
}

/** Archive file names are unique across harnesses, as random names are across windows (a reload is a new harness). */
let archiveNames = 0;

export function harness(o: { ui?: ScriptedUi; settings?: Partial<Settings>; memento?: MemoryMemento; files?: MemoryArchiveFiles } = {}): Harness {
  const time = new TestClock();
  const memento = o.memento ?? new MemoryMemento();
  const workspace = new MemoryMemento();
  const problems: string[] = [];
  const ui = o.ui ?? new ScriptedUi();
  // Most flow tests script every review question; the quick review's tests ask for it.
  const settings: Settings = { ...DEFAULT_SETTINGS, reviewDepth: 'full', ...o.settings };
  const ran: CommandName[] = [];
  const flashes: string[] = [];
  const zones: string[] = [];
  const files = o.files ?? new MemoryArchiveFiles();
  const report = (p: string) => problems.push(p);
  const store = new JournalStore(memento, time.clock, report, { archive: new Archive(files, report, () => `test-${++archiveNames}`) });
  const ctx: Services = {
    // As in the app: what the scripted Ui records is what VS Code would be handed.
    ui: new RenderedUi(ui),
    store,
    suggestions: new SuggestionBox(store),
    defaults: new WorkspaceDefaultsStore(workspace),
    clock: time.clock,
    settings: () => settings,
    language: 'en',
    workspaceLabel: () => 'demo',
    flash: (text) => void flashes.push(text),
    learnTimeZone: (name) => void zones.push(name),
    // As in the app: one id per device, kept in globalState, so a new harness on the same memento is a reload.
    device: deviceId(memento),
    edits: new EditWatch(time.clock),
    run: (name) => {
      ran.push(name);
      return Promise.resolve();
    },
  };
  return { ctx, ui, memento, workspace, files, time, settings, ran, problems, flashes, zones };
}

/** A label without the icon the renderer put in front of it. */
function stripIcon(label: string): string {
  return label.replace(/^\$\([^)]*\)\s*/, '');
}

/** A first session, started from the palette as a new user does: a new domain "parser tests", open-ended, one goal at 9. */
export async function startFirstSession(h: Harness): Promise<Session> {
  h.ui.queue('parser tests', '', { button: 'length' }, 'Open-ended', { type: 'A goal' }, '9');
  await startFocusSession(h.ctx);
  const session = activeSession(h.ctx.store.live);
  if (!session) throw new Error('no session started');
  return session;
}

/** A first session on "parser tests", its one subgoal met, ended with the quick review (a harness with `reviewDepth: 'quick'`). */
export async function firstSessionMet(h: Harness): Promise<void> {
  h.ui.queue('parser tests', '', { type: 'Lex the numbers' }, '9');
  await startFocusSession(h.ctx);
  h.ui.queue(['Lex the numbers'], 'Effort', 'Keep');
  await endAndReview(h.ctx);
}

/**
 * Runs `body` with the process in the time zone `zone` (Node applies a change of TZ at once), then
 * puts back the one it had: days, weeks and months are local, and a clock change or a zone far from
 * UTC is where they go wrong.
 */
export async function inZone<T>(zone: string, body: () => T | Promise<T>): Promise<T> {
  const before = process.env['TZ'];
  process.env['TZ'] = zone;
  try {
    return await body();
  } finally {
    if (before === undefined) delete process.env['TZ'];
    else process.env['TZ'] = before;
  }
}

/** A reflog line as git writes it when HEAD moves (`what`: "commit", "checkout", "commit (amend)"…), at `at`. */
export function reflogLine(subject: string, at: number, what = 'commit', hash = randomHash()): string {
  return `${'0'.repeat(40)} ${hash} T <t@t> ${Math.floor(at / 1000)} +0000\t${what}: ${subject}\n`;
}

let hashes = 0;
function randomHash(): string {
  return (++hashes).toString(16).padStart(40, 'a');
}

/** The suggestion a commit made now would bring. */
export function commitSuggestion(subject: string, now: number): Suggestion {
  const found = new CommitWatch(now).read('HEAD', reflogLine(subject, now), now)[0];
  if (!found) throw new Error('no suggestion');
  return found;
}
