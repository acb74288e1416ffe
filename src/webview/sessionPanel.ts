import { CONFIDENCE_LABELS } from '../core/confidence';
import { formatDuration } from '../core/time';
import type { SessionView, Snapshot } from '../shared/protocol';
import { button, confidenceRuler, textfield } from './controls';
import { announce, fill, h, setText } from './dom';
import { revealBidi } from '../core/text';
import { post } from './host';

/**
 * The running session. The timer is drawn from the host's timestamps: the elapsed time in the
 * snapshot plus the time since it arrived, and only while running. Inputs are built once and kept.
 */
export class SessionPanel {
  readonly element: HTMLElement;
  private session: SessionView | undefined;
  private receivedAt = 0;
  private readonly title = h('h2', { id: 'session-heading' });
  private readonly timer = h('p', { class: 'timer', id: 'session-timer', 'aria-live': 'off' });
  private readonly status = h('p', { class: 'muted', id: 'session-status' });
  private readonly cue = h('p', { class: 'cue', id: 'session-cue' });
  private readonly subgoals = h('ul', { class: 'subgoals', id: 'session-subgoals', 'aria-label': 'Subgoals' });
  private readonly wins = h('ul', { class: 'wins', id: 'session-wins', 'aria-label': 'Wins this session' });
  private readonly suggestions = h('div', { class: 'suggestions', id: 'session-suggestions', role: 'region', 'aria-label': 'Suggested wins' });
  private readonly win = textfield('Log a micro-win', { placeholder: 'The failing test now reproduces the bug', id: 'win-text', onEnter: () => this.logWin() });
  private readonly newGoal = textfield('Add a subgoal', { placeholder: 'Next small step', id: 'subgoal-text', onEnter: () => this.addGoal() });
  private readonly newGoalRuler = confidenceRuler('Confidence for the new subgoal', 8, (v) => CONFIDENCE_LABELS[v] ?? '');
  private readonly pauseButton: HTMLElement;
  private suggestionCount = 0;

  constructor(onEnd: (session: SessionView) => void) {
    this.pauseButton = button('Pause', () => this.session && post({ type: 'togglePause', sessionId: this.session.id }), { secondary: true, id: 'session-pause', icon: 'debug-pause' });
    this.element = h(
      'section',
      { class: 'session', 'aria-labelledby': 'session-heading' },
      this.title,
      this.timer,
      this.status,
      this.cue,
      this.suggestions,
      h('h3', {}, 'Subgoals'),
      this.subgoals,
      h('div', { class: 'inline' }, this.win.row, button('Log win', () => this.logWin(), { id: 'win-submit', icon: 'star-full' })),
      h('details', { class: 'add-goal' }, h('summary', {}, 'Add a subgoal'), this.newGoal.row, this.newGoalRuler.row, button('Add subgoal', () => this.addGoal(), { id: 'subgoal-submit', secondary: true })),
      h('h3', {}, 'Wins this session'),
      this.wins,
      h(
        'div',
        { class: 'actions' },
        button('Self-talk', () => post({ type: 'run', action: 'selfTalk' }), { secondary: true, icon: 'comment-discussion', id: 'session-selftalk' }),
        button('Reframe', () => post({ type: 'run', action: 'reframeArousal' }), { secondary: true, icon: 'pulse', id: 'session-reframe' }),
        this.pauseButton,
        button('End & review', () => this.session && onEnd(this.session), { id: 'session-end', icon: 'checklist' }),
      ),
    );
  }

  update(snapshot: Snapshot): void {
    const s = snapshot.session;
    if (!s) return;
    const previousWins = this.session?.id === s.id ? this.session.wins.length : s.wins.length;
    this.session = s;
    this.receivedAt = Date.now();
    setText(this.title, s.domainName);
    this.status.textContent = s.paused ? 'Paused' : s.plannedMinutes ? `Planned: ${s.plannedMinutes} minutes` : 'Open-ended';
    this.pauseButton.textContent = s.paused ? 'Resume' : 'Pause';
    this.pauseButton.setAttribute('icon', s.paused ? 'debug-start' : 'debug-pause');
    setText(this.cue, s.cue ? `Cue: ${s.cue}` : '');
    fill(
      this.subgoals,
      ...s.subgoals.map((g) =>
        h(
          'li',
          { class: g.done ? 'done' : '' },
          h('span', { class: 'goal-text' }, g.text),
          h('vscode-badge', { variant: 'counter', 'aria-label': `confidence ${g.confidence} out of 10`, title: `Confidence ${g.confidence}/10` }, `${g.confidence}/10`),
          g.done ? h('span', { class: 'muted' }, ' done') : button('Done', () => post({ type: 'logWin', sessionId: s.id, subgoalId: g.id }), { secondary: true, ariaLabel: `Mark done: ${revealBidi(g.text)}` }),
        ),
      ),
    );
    const suggested = snapshot.suggestions;
    fill(
      this.suggestions,
      ...(suggested.length ? [h('h3', {}, 'Log as a win?')] : []),
      ...suggested.map((g) =>
        h(
          'div',
          { class: 'suggestion' },
          h('span', { class: 'codicon codicon-lightbulb', 'aria-hidden': 'true' }),
          ' ',
          h('span', { class: 'goal-text' }, g.text),
          button('Log it', () => post({ type: 'acceptSuggestion', id: g.id }), { ariaLabel: `Log as a win: ${revealBidi(g.text)}` }),
          button('Dismiss', () => post({ type: 'dismissSuggestion', id: g.id }), { secondary: true, ariaLabel: `Dismiss: ${revealBidi(g.text)}` }),
        ),
      ),
    );
    if (suggested.length > this.suggestionCount) announce(`Suggested win: ${suggested[suggested.length - 1]?.text ?? ''}`);
    this.suggestionCount = suggested.length;
    fill(this.wins, ...s.wins.slice().reverse().map((w) => h('li', {}, h('span', { class: 'codicon codicon-star-full', 'aria-hidden': 'true' }), ' ', w.text)));
    if (s.wins.length > previousWins) announce(`Win logged. ${s.wins.length} this session.`);
    this.tick();
  }

  /** Redraws the timer; called every second while the view shows a running session. */
  tick(): void {
    const s = this.session;
    if (!s) return;
    const elapsed = s.elapsedMs + (s.paused ? 0 : Date.now() - this.receivedAt);
    if (s.plannedMinutes) {
      const remaining = s.plannedMinutes * 60_000 - elapsed;
      this.timer.textContent = remaining >= 0 ? `${formatDuration(remaining)} left` : `+${formatDuration(-remaining)} over`;
    } else {
      this.timer.textContent = formatDuration(elapsed);
    }
  }

  get running(): boolean {
    return this.session !== undefined && !this.session.paused;
  }

  private logWin(): void {
    const text = this.win.field.value.trim();
    if (!this.session || !text) return;
    post({ type: 'logWin', sessionId: this.session.id, text });
    this.win.field.value = '';
  }

  private addGoal(): void {
    const text = this.newGoal.field.value.trim();
    if (!this.session || !text) return;
    post({ type: 'addSubgoal', sessionId: this.session.id, goal: { text, confidence: Number(this.newGoalRuler.input.value) } });
    this.newGoal.field.value = '';
  }
}
