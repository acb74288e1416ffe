import { CommitWatch } from '../../src/core/practices/suggestions';
import type { Suggestion } from '../../src/core/practices/suggestions';
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
import { activeSession } from '../../src/core/practices/session';
import type { Session } from '../../src/core/records/schema';

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

/**
 * One answer to one prompt: for a pick, the start of an item's label (or the whole label); for an
 * input, the text typed; for a compose box, the start of a row's label, `{ type }` to type text or
 * `{ button }` to press a button; for a pickMany, `{ check }` with the label starts to check ('=' keeps
 * the preselection); for any pick, a function of the items that returns the value; `undefined` is Escape.
 */
export type Answer =
  | string
  | { type: string }
  | { button: string }
  | { check: readonly string[] }
  | ((items: readonly PickItem<unknown>[], options: PickOptions) => unknown)
  | undefined;

/** A positional answer: an Answer, or (for a pickMany) the list of label starts to check. */
type PickAnswer = Answer | string[];

/**
 * Answers keyed by the question they answer: a key is any part of the prompt the flow shows (an
 * input's prompt, a pick's, pickMany's or compose box's placeholder), matched as written. A list
 * answers the same question each time it is asked, in order: `{ 'How sure are you': ['4', '8'] }`.
 * When several keys match one prompt, the longest (the most specific) answers it.
 */
export type Answers = Record<string, Answer | readonly Answer[]>;

/**
 * A scripted Ui. Each prompt is answered by a keyed answer whose key is part of the prompt's text
 * (see `answer` and `answering`), else by the next positional answer (`queue`); a prompt nobody
 * answered fails with its text. An input answer is typed text, and every validation message shown
 * on the way is recorded.
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
  /** The keyed answers not yet taken, each key's in the order they answer. */
  readonly #keyed = new Map<string, Answer[]>();
  constructor(private readonly answers: PickAnswer[] = [], private readonly actions: Record<string, string> = {}) {}

  /** Positional answers: the next prompts no keyed answer matches take them in order. */
  queue(...answers: PickAnswer[]): void {
    this.answers.push(...answers);
  }

  /** Keyed answers, added to those not yet taken (a list for a key answers it that many times, in order). */
  answer(answers: Answers): void {
    for (const [key, given] of Object.entries(answers)) {
      const list: readonly Answer[] = Array.isArray(given) ? (given as readonly Answer[]) : [given as Answer];
      if (list.length > 0) this.#keyed.set(key, [...(this.#keyed.get(key) ?? []), ...list]);
    }
  }

  /**
   * Answers a flow by question: gives `answers`, runs `flow`, and fails when any keyed answer was not
   * taken (a question that was never asked, or asked fewer times), naming it and what was asked.
   * What a flow did not take is dropped either way, so it never answers a later flow.
   */
  async answering<T>(answers: Answers, flow: () => Promise<T>): Promise<T> {
    const shown = this.prompts.length;
    this.answer(answers);
    let result: T;
    try {
      result = await flow();
    } catch (error) {
      this.#keyed.clear();
      throw error;
    }
    const unused = this.unused;
    if (unused.length > 0) {
      this.#keyed.clear();
      const asked = this.prompts.slice(shown).map((p) => `"${p}"`);
      throw new Error(`Answered but never asked: ${unused.join('; ')}. Asked: ${asked.length > 0 ? asked.join(', ') : 'nothing'}`);
    }
    return result;
  }

  /** How many answers, positional and keyed, no prompt has taken yet. */
  get remaining(): number {
    let keyed = 0;
    for (const list of this.#keyed.values()) keyed += list.length;
    return this.answers.length + keyed;
  }

  /** The keyed answers no prompt has taken yet, as `"key" → answer`. */
  get unused(): string[] {
    return [...this.#keyed].flatMap(([key, list]) => list.map((a) => `"${key}" → ${answerText(a)}`));
  }

  /** The answer to the prompt `text`: keyed when a key is part of it, else the next positional one; none fails, naming the prompt. */
  #take(text: string, problem?: string): PickAnswer {
    const keys = [...this.#keyed.keys()].filter((key) => text.includes(key)).sort((a, b) => b.length - a.length);
    const [key, next] = keys;
    if (key !== undefined) {
      if (next !== undefined && next.length === key.length) throw new Error(`Both "${key}" and "${next}" answer "${text}"`);
      const list = this.#keyed.get(key) as Answer[];
      const answer = list.shift();
      if (list.length === 0) this.#keyed.delete(key);
      return answer;
    }
    if (this.answers.length > 0) return this.answers.shift();
    const left = this.unused;
    throw new Error(
      `Nobody answered "${text}"${problem === undefined ? '' : ` (it said: ${problem})`}${left.length > 0 ? `; answers left: ${left.join('; ')}` : ''}`,
    );
  }

  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | undefined> {
    this.prompts.push(options.placeholder);
    for (const i of items) this.pickTexts.push(i.label, ...(i.description === undefined ? [] : [i.description]), ...(i.detail === undefined ? [] : [i.detail]));
    const answer = this.#take(options.placeholder);
    if (answer === undefined) return Promise.resolve(undefined);
    if (typeof answer === 'function') return Promise.resolve(answer(items as readonly PickItem<unknown>[], options) as T);
    if (typeof answer !== 'string') throw new Error(`A pick takes a label, not ${JSON.stringify(answer)} ("${options.placeholder}")`);
    const item = items.find((i) => i.label === answer) ?? items.find((i) => stripIcon(i.label).startsWith(answer));
    if (!item) throw new Error(`No item "${answer}" in [${items.map((i) => i.label).join(', ')}] ("${options.placeholder}")`);
    return Promise.resolve(item.value);
  }

  /** An answer: a function of the items, or the label starts to check (`{ check }`, a list, or one), or '=' to keep the preselection. */
  pickMany<T>(items: readonly PickItem<T>[], options: PickOptions & { selected: readonly T[] }): Promise<T[] | undefined> {
    this.prompts.push(options.placeholder);
    for (const i of items) this.pickTexts.push(i.label);
    const answer = this.#take(options.placeholder);
    if (answer === undefined) return Promise.resolve(undefined);
    if (answer === '=') return Promise.resolve([...options.selected]);
    if (typeof answer === 'function') return Promise.resolve(answer(items as readonly PickItem<unknown>[], options) as T[]);
    const starts = typeof answer === 'string' ? [answer] : Array.isArray(answer) ? answer : 'check' in answer ? answer.check : undefined;
    if (!starts) throw new Error(`pickMany takes label starts, not ${JSON.stringify(answer)} ("${options.placeholder}")`);
    return Promise.resolve(items.filter((i) => starts.some((s) => stripIcon(i.label).startsWith(s))).map((i) => i.value));
  }

  /** An answer: `{ button: id }`, the start of a row's label, or text to type (validated like the box does). */
  compose<T>(options: ComposeOptions<T>): Promise<Composed<T> | undefined> {
    this.prompts.push(options.placeholder);
    this.titles.push(options.title);
    for (const i of options.items) this.pickTexts.push(i.label);
    let problem: string | undefined;
    for (;;) {
      const answer = this.#take(options.placeholder, problem);
      if (answer === undefined) return Promise.resolve(undefined);
      if (typeof answer === 'object' && 'button' in answer) return Promise.resolve({ kind: 'button', id: answer.button, text: options.value ?? '' });
      const text = typeof answer === 'object' && 'type' in answer ? answer.type : typeof answer === 'string' ? answer : undefined;
      if (text === undefined) throw new Error(`compose takes a label, { type } or { button } ("${options.placeholder}")`);
      const row = typeof answer === 'string' ? options.items.find((i) => stripIcon(i.label).startsWith(text)) : undefined;
      if (row) return Promise.resolve({ kind: 'item', value: row.value, text: options.value ?? '' });
      problem = options.validate?.(text.trim());
      if (!problem && text.trim()) return Promise.resolve({ kind: 'text', text: text.trim() });
      if (problem) this.validationMessages.push(problem);
    }
  }

  input(options: InputOptions): Promise<string | undefined> {
    this.prompts.push(options.prompt);
    let problem: string | undefined;
    for (;;) {
      const answer = this.#take(options.prompt, problem);
      if (answer === undefined) return Promise.resolve(undefined);
      if (typeof answer !== 'string') throw new Error(`Expected text for "${options.prompt}"`);
      problem = options.validate(answer);
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

  /** Confirms when the answer (keyed by part of the message, else the next positional one) is the action's label; any other answer, or none, declines. */
  confirm(text: string, action: string): Promise<boolean> {
    this.messages.push({ kind: 'warn', text });
    const answered = [...this.#keyed.keys()].some((key) => text.includes(key)) || this.answers.length > 0;
    const answer = answered ? this.#take(text) : undefined;
    return Promise.resolve(answer === action);
  }

  saveText(name: string, content: string): Promise<string | undefined> {
    this.saved = { name, content };
    return Promise.resolve(name);
  }

  /** Documents opened untitled, in order. */
  readonly untitled: { content: string; language: string }[] = [];
  openUntitled(content: string, language: 'markdown'): Promise<void> {
    this.untitled.push({ content, language });
    return Promise.resolve();
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

/** A scripted answer as an error message names it. */
function answerText(answer: Answer): string {
  return answer === undefined ? 'Escape' : typeof answer === 'function' ? 'a function of the items' : JSON.stringify(answer);
}

/** A label without the icon the renderer put in front of it. */
function stripIcon(label: string): string {
  return label.replace(/^\$\([^)]*\)\s*/, '');
}

/** A first session, started from the palette as a new user does: a new domain "parser tests", open-ended, one goal at 9. */
export async function startFirstSession(h: Harness): Promise<Session> {
  await h.ui.answering(
    {
      'Name a micro-domain': 'parser tests',
      'How certain are you': '',
      'Type your proximal subgoal': [{ button: 'length' }, { type: 'A goal' }],
      'How long do you plan to focus': 'Open-ended',
      'How sure are you': '9',
    },
    () => startFocusSession(h.ctx),
  );
  const session = activeSession(h.ctx.store.live);
  if (!session) throw new Error('no session started');
  return session;
}

/** A first session on "parser tests", its one subgoal met, ended with the quick review (a harness with `reviewDepth: 'quick'`). */
export async function firstSessionMet(h: Harness): Promise<void> {
  await h.ui.answering(
    { 'Name a micro-domain': 'parser tests', 'How certain are you': '', 'Type your proximal subgoal': { type: 'Lex the numbers' }, 'How sure are you': '9' },
    () => startFocusSession(h.ctx),
  );
  await h.ui.answering({ 'Which subgoals did you meet': { check: ['Lex the numbers'] }, 'What made the difference': 'Effort', 'How you see the cause': 'Keep' }, () => endAndReview(h.ctx));
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
