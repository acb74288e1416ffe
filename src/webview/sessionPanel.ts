import { t } from '../core/l10n';
import { timerText } from '../core/practices/plan';
import type { SessionView, Snapshot } from '../shared/protocol';
import { button, textfield } from './controls';
import { GoalChain } from './goalChain';
import { authorMark } from './authorMark';
import { answers } from '../core/practices/answered';
import type { SubgoalAnswers, WinAnswers } from '../core/practices/answers';
import { winPractice } from '../core/practices/inSession';
import { textProblem } from '../core/practices/question';
import { announce, fill, h, on, setText, showProblem } from './dom';
import { revealBidi } from '../core/text';
import { post } from './host';

/**
 * The running session. The timer is drawn from the host's timestamps: the elapsed time in the
 * snapshot plus the time since it arrived, and only while running. Inputs are built once and kept.
 */
export class SessionPanel {
  readonly element: HTMLElement;
  #session: SessionView | undefined;
  #receivedAt = 0;
  readonly #title = h('h2', { id: 'session-heading' });
  readonly #timer = h('p', { class: 'timer', id: 'session-timer', 'aria-live': 'off' });
  readonly #status = h('p', { class: 'muted', id: 'session-status' });
  readonly #cue = h('p', { class: 'cue', id: 'session-cue' });
  readonly #tweak = h('p', { class: 'tweak', id: 'session-tweak' });
  /** The first session of a quarter offers the last quarter's review: one line, never a notification. */
  readonly #quarterWrite = h('button', { class: 'link', type: 'button', id: 'quarter-review-write', 'aria-describedby': 'quarter-review' }, t('Write it'));
  readonly #quarter = h('p', { class: 'quarter-review', id: 'quarter-review', hidden: true }, t('Your quarter in review'), ' · ', this.#quarterWrite);
  readonly #subgoals = h('ul', { class: 'subgoals', id: 'session-subgoals', 'aria-label': t('Subgoals') });
  readonly #wins = h('ul', { class: 'wins', id: 'session-wins', 'aria-label': t('Wins this session') });
  /** Shown with the first win: a heading over nothing says nothing. */
  readonly #winsHeading = h('h3', { id: 'session-wins-heading', hidden: true }, t('Wins this session'));
  readonly #suggestions = h('div', { class: 'suggestions', id: 'session-suggestions', role: 'region', 'aria-label': t('Suggested wins') });
  readonly #win = textfield(winPractice.text.label(), { placeholder: winPractice.text.placeholder?.(), id: 'win-text', onEnter: () => this.#logWin() });
  readonly #winError = h('p', { class: 'error', role: 'alert', id: 'win-error', hidden: true });
  readonly #newGoal: GoalChain;
  readonly #pauseButton: HTMLElement;
  #suggestionCount = 0;

  constructor(onEnd: (session: SessionView) => void) {
    const addGoal = h('details', { class: 'add-goal' });
    const goalError = h('p', { class: 'error', role: 'alert', id: 'subgoal-error', hidden: true });
    this.#newGoal = new GoalChain(
      { goal: 'subgoal-text', box: 'subgoal-shrink', shrink: 'subgoal-shrink' },
      {
        element: addGoal,
        onDone: (goals) => this.#session && post({ type: 'addSubgoal', answers: answers<SubgoalAnswers>({ sessionId: this.#session.id, goals }) }),
        onError: (text) => showProblem(goalError, text),
      },
    );
    fill(addGoal, h('summary', {}, t('Add a subgoal')), ...this.#newGoal.rows, this.#newGoal.shrinkBox, goalError, button(t('Add subgoal'), () => this.#newGoal.submit(), { id: 'subgoal-submit', secondary: true }));
    on(this.#quarterWrite, 'click', () => post({ type: 'writeReview', period: 'lastQuarter' }));
    this.#pauseButton = button(t('Pause'), () => this.#session && post({ type: 'togglePause', sessionId: this.#session.id }), { secondary: true, id: 'session-pause', icon: 'debug-pause' });
    this.element = h(
      'section',
      { class: 'session', 'aria-labelledby': 'session-heading' },
      this.#title,
      this.#timer,
      this.#status,
      this.#cue,
      this.#tweak,
      this.#quarter,
      this.#suggestions,
      h('h3', {}, t('Subgoals')),
      this.#subgoals,
      h('div', { class: 'inline' }, this.#win.row, button(t('Log win'), () => this.#logWin(), { id: 'win-submit', icon: 'star-full' })),
      this.#winError,
      addGoal,
      this.#winsHeading,
      this.#wins,
      h(
        'div',
        { class: 'actions' },
        button(t('Self-talk'), () => post({ type: 'run', action: 'selfTalk' }), { secondary: true, icon: 'comment-discussion', id: 'session-selftalk' }),
        button(t('Reframe'), () => post({ type: 'run', action: 'reframeArousal' }), { secondary: true, icon: 'pulse', id: 'session-reframe' }),
        this.#pauseButton,
        button(t('End & review'), () => this.#session && onEnd(this.#session), { id: 'session-end', icon: 'checklist' }),
      ),
    );
  }

  update(snapshot: Snapshot): void {
    const s = snapshot.session;
    if (!s) return;
    const previousWins = this.#session?.id === s.id ? this.#session.wins.length : s.wins.length;
    this.#newGoal.update(snapshot);
    this.#session = s;
    this.#receivedAt = Date.now();
    setText(this.#title, s.domainName);
    this.#status.textContent = s.paused ? t('Paused') : s.plannedMinutes ? t('Planned: {0} minutes', s.plannedMinutes) : t('Open-ended');
    this.#pauseButton.textContent = s.paused ? t('Resume') : t('Pause');
    this.#pauseButton.setAttribute('icon', s.paused ? 'debug-start' : 'debug-pause');
    setText(this.#cue, s.cue ? t('Cue: {0}', s.cue) : '');
    setText(this.#tweak, s.tweak ?? '');
    this.#tweak.hidden = !s.tweak;
    this.#quarter.hidden = !s.quarterReview;
    fill(
      this.#subgoals,
      ...s.subgoals.map((g) =>
        h(
          'li',
          { class: g.done ? 'done' : '' },
          h('span', { class: 'goal-text' }, g.text),
          h('vscode-badge', { variant: 'counter', 'aria-label': t('confidence {0} out of 10', g.confidence), title: t('Confidence {0}/10', g.confidence) }, `${g.confidence}/10`),
          g.done ? h('span', { class: 'muted' }, ` ${t('done')}`) : button(winPractice.subgoalId.label(), () => post({ type: 'logWin', answers: answers<WinAnswers>({ sessionId: s.id, subgoalId: g.id, text: undefined, by: undefined }) }), { secondary: true, ariaLabel: t('Mark done: {0}', revealBidi(g.text)) }),
        ),
      ),
    );
    const suggested = snapshot.suggestions;
    fill(
      this.#suggestions,
      ...(suggested.length ? [h('h3', {}, t('Log as a win?'))] : []),
      ...suggested.map((g) =>
        h(
          'div',
          { class: 'suggestion' },
          h('span', { class: 'codicon codicon-lightbulb', 'aria-hidden': 'true' }),
          ' ',
          h('span', { class: 'goal-text' }, g.text),
          button(t('Log it'), () => post({ type: 'acceptSuggestion', id: g.id }), { ariaLabel: t('Log as a win: {0}', revealBidi(g.text)) }),
          button(t('Dismiss'), () => post({ type: 'dismissSuggestion', id: g.id }), { secondary: true, ariaLabel: t('Dismiss: {0}', revealBidi(g.text)) }),
        ),
      ),
    );
    if (suggested.length > this.#suggestionCount) announce(t('Suggested win: {0}', suggested[suggested.length - 1]?.text ?? ''));
    this.#suggestionCount = suggested.length;
    this.#winsHeading.hidden = s.wins.length === 0;
    fill(this.#wins, ...s.wins.slice().reverse().map((w) => h('li', {}, h('span', { class: 'codicon codicon-star-full', 'aria-hidden': 'true' }), ' ', w.text, authorMark(w), creditButton(w), deleteWinButton(w))));
    if (s.wins.length > previousWins) announce(t('Win logged. {0} this session.', s.wins.length));
    this.tick();
  }

  /** Redraws the timer; called every second while the view shows a running session. */
  tick(): void {
    const s = this.#session;
    if (!s) return;
    const elapsed = s.elapsedMs + (s.paused ? 0 : Date.now() - this.#receivedAt);
    this.#timer.textContent = timerText(elapsed, s.plannedMinutes).text;
  }

  get running(): boolean {
    return this.#session !== undefined && !this.#session.paused;
  }

  #logWin(): void {
    if (!this.#session) return;
    const problem = textProblem(winPractice.text, this.#win.field.value);
    showProblem(this.#winError, problem ?? '');
    if (problem) return;
    post({ type: 'logWin', answers: answers<WinAnswers>({ sessionId: this.#session.id, subgoalId: undefined, text: this.#win.field.value.trim(), by: undefined }) });
    this.#win.field.value = '';
  }
}


/** A mistaken win is removed from where it shows; the host asks to confirm before anything is deleted. */
function deleteWinButton(win: { id: string; text: string }): HTMLElement {
  const el = h('button', { type: 'button', class: 'icon-button', 'aria-label': t('Delete the win "{0}"', win.text), title: t('Delete this win') }, h('span', { class: 'codicon codicon-trash', 'aria-hidden': 'true' }));
  on(el, 'click', () => post({ type: 'deleteWin', id: win.id }));
  return el;
}

/** Credit in one click: mark a win as done with AI help, or as the user's own again. */
function creditButton(win: { id: string; text: string; by?: 'assisted' | 'assistant' }): HTMLElement {
  const assisted = win.by !== undefined;
  const label = assisted ? t('Mark "{0}" as mine', win.text) : t('Mark "{0}" as done with AI help', win.text);
  const el = h('button', { type: 'button', class: 'icon-button', 'aria-label': label, title: assisted ? t('Mine') : t('With AI help'), 'aria-pressed': String(assisted) }, h('span', { class: 'codicon codicon-sparkle', 'aria-hidden': 'true' }));
  on(el, 'click', () => post({ type: 'setWinAuthor', id: win.id, by: assisted ? 'mine' : 'assisted' }));
  return el;
}
