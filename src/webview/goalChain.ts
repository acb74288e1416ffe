import { confidenceLabel } from '../core/practices/confidence';
import type { GoalDraft } from '../core/practices/answers';
import { textProblem } from '../core/practices/question';
import { startPractice } from '../core/practices/start';
import type { Snapshot } from '../shared/protocol';
import { button, confidenceRuler, textfield } from './controls';
import { announce, fill, h } from './dom';

const question = startPractice.goals;

/**
 * The sidebar's rendering of a practice's goal question (start and add subgoal): the goal, the
 * 0–10 ruler with what the record says of each level, and below the threshold the shrink step,
 * as often as a chain allows. `submit` hands the finished chain to `onDone`.
 */
export class GoalChain {
  readonly goal: ReturnType<typeof textfield>;
  readonly rows: HTMLElement[];
  readonly #ruler = confidenceRuler(question.confidence.label(), 0, confidenceLabel);
  readonly #note = h('p', { class: 'muted ruler-note', 'aria-live': 'polite' });
  readonly #shrinkBox: HTMLElement;
  #chain: GoalDraft[] = [];
  #shrink: { field: HTMLInputElement; ruler: HTMLInputElement; note: HTMLElement } | undefined;
  #threshold = 0;
  #learned = false;
  #notes: readonly string[] = [];

  constructor(
    private readonly ids: { goal: string; box: string; shrink: string },
    private readonly host: { element: HTMLElement; onDone: (goals: GoalDraft[]) => void; onError: (text: string) => void },
  ) {
    this.goal = textfield(question.goal.label(), { placeholder: question.goal.placeholder?.(), id: ids.goal, onEnter: () => this.submit() });
    this.#shrinkBox = h('div', { class: 'shrink', id: ids.box, hidden: true, role: 'group', 'aria-labelledby': `${ids.shrink}-heading` });
    this.#ruler.input.addEventListener('input', () => this.#showNote(this.#ruler.input, this.#note));
    this.rows = [this.goal.row, this.#ruler.row, this.#note];
  }

  get shrinkBox(): HTMLElement {
    return this.#shrinkBox;
  }

  /** The threshold and the ruler's notes from the record; the first one also sets where the ruler starts. */
  update(s: Pick<Snapshot, 'threshold' | 'thresholdLearned' | 'rulerNotes'>): void {
    const first = this.#notes.length === 0;
    this.#threshold = s.threshold;
    this.#learned = s.thresholdLearned;
    this.#notes = s.rulerNotes;
    if (first) this.#setRuler(question.confidence.start(s.threshold));
    else this.#showNote(this.#ruler.input, this.#note);
  }

  /** Write the goal, rate it; below the threshold each submit adds a smaller version to the chain. */
  submit(): void {
    const shrinking = this.#shrink !== undefined;
    const typed = (shrinking ? this.#shrink?.field.value : this.goal.field.value) ?? '';
    const confidence = Number((shrinking ? this.#shrink?.ruler.value : this.#ruler.input.value) ?? 0);
    const last = this.#chain[this.#chain.length - 1];
    const problem = textProblem(shrinking ? question.shrink.smaller : question.goal, typed) ?? (shrinking && last ? question.shrink.sameProblem(typed, last.text) : undefined);
    // A problem shown for the last try goes with every new one, by Enter or by a button.
    this.host.onError(problem ?? '');
    if (problem) return;
    const text = typed.trim();
    this.#chain = shrinking ? [...this.#chain, { text, confidence }] : [{ text, confidence }];
    if (question.shrink.offered(this.#chain, this.#threshold)) return this.#offerShrink(text, confidence);
    this.#done();
  }

  #done(): void {
    const goals = this.#chain;
    this.reset();
    this.host.onDone(goals);
  }

  #setRuler(value: number): void {
    this.#ruler.input.value = String(value);
    this.#ruler.input.dispatchEvent(new Event('input'));
  }

  #showNote(ruler: HTMLInputElement, note: HTMLElement): void {
    note.textContent = this.#notes[Number(ruler.value)] ?? '';
    note.hidden = note.textContent === '';
  }

  #offerShrink(text: string, confidence: number): void {
    const shrink = question.shrink;
    this.#shrinkBox.hidden = false;
    this.host.element.classList.add('shrinking');
    const id = this.ids.shrink;
    const smaller = textfield(shrink.smaller.label(), { value: text, id: `${id}-goal`, onEnter: () => this.submit() });
    const ruler = confidenceRuler(question.confidence.label(), confidence, confidenceLabel);
    const note = h('p', { class: 'muted ruler-note', 'aria-live': 'polite' });
    ruler.input.addEventListener('input', () => this.#showNote(ruler.input, note));
    this.#shrink = { field: smaller.field as unknown as HTMLInputElement, ruler: ruler.input, note };
    this.#showNote(ruler.input, note);
    const asked = shrink.question(confidence, this.#threshold, this.#learned);
    fill(
      this.#shrinkBox,
      h('h3', { id: `${id}-heading` }, asked),
      h('p', {}, `“${text}” — ${shrink.why()}`),
      smaller.row,
      ruler.row,
      note,
      h(
        'div',
        { class: 'actions' },
        button(shrink.accept(), () => this.submit(), { id: `${id}-submit` }),
        button(shrink.keep(text, confidence), () => this.#done(), { secondary: true, id: `${id}-keep` }),
      ),
    );
    announce(asked);
    smaller.field.focus();
  }

  reset(): void {
    this.#chain = [];
    this.#shrink = undefined;
    this.goal.field.value = '';
    this.#setRuler(question.confidence.start(this.#threshold));
    fill(this.#shrinkBox);
    this.#shrinkBox.hidden = true;
    this.host.element.classList.remove('shrinking');
  }
}
