import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { chooseFile, commitIn, notification, openDashboard, pick, RESULTS, runAndPick, runCommand, statusItem, type, waitForFile, waitForStored, waitForText, Workbench } from './workbench';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** The sidebar dashboard in a real VS Code webview, used as a user would. */
/** A test task that fails until `ready.flag` exists, leaving `ran-<exit code>` so a test can see it end. */
const CHECK_TASK = {
  label: 'check',
  type: 'shell',
  command: 'test -f ready.flag; code=$?; touch ran-$code; exit $code',
  group: { kind: 'test', isDefault: true },
  problemMatcher: [],
  presentation: { reveal: 'silent' },
};

describe('dashboard webview (real VS Code)', function () {
  this.timeout(240_000);
  let bench: Workbench;
  let view: FrameLocator;

  before(async function () {
    // The test task is there from the start: VS Code reads tasks.json when the folder opens.
    bench = await Workbench.launch({ files: { '.vscode/tasks.json': JSON.stringify({ version: '2.0.0', tasks: [CHECK_TASK] }) } });
    // A repository before the first session, as most projects are.
    commitIn(bench.workspace, 'The project as it was');
    view = await openDashboard(bench.page);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await bench?.screenshot(`dashboard ${this.currentTest.title}`);
  });

  after(async function () {
    await bench?.close();
  });

  it('starts a session from the view, with the shrink step', async () => {
    await view.locator('#start-domain').selectOption('__new__');
    await view.locator('#start-new-domain input').fill('parser tests');
    await view.locator('#start-goal input').fill('Rewrite the whole tokenizer');
    await view.locator('.start-form input[type=range]').first().fill('4');
    await view.locator('#start-planned').selectOption('0');
    await view.locator('#start-submit').click();
    await view.locator('#start-shrink h3', { hasText: 'Make it smaller?' }).waitFor();
    await view.locator('#shrink-goal input').fill('Rewrite the number rule');
    await view.locator('#start-shrink input[type=range]').fill('8');
    await view.locator('#shrink-submit').click();
    await waitForText(view.locator('#session-heading'), /parser tests/);
    await waitForText(view.locator('#session-subgoals'), /Rewrite the number rule\s*8\/10/);
    assert.equal(await view.locator('#session-subgoals li').count(), 1, 'the original goal was replaced by the smaller one');
    await waitForText(statusItem(bench.page), /parser tests/);
  });

  it('renders the timer from the host’s timestamps, ticking', async () => {
    const timer = view.locator('#session-timer');
    const first = (await timer.textContent()) ?? '';
    await timer.filter({ hasNotText: first }).waitFor({ timeout: 5000 });
    assert.match((await timer.textContent()) ?? '', /^\d{2}:\d{2}$/);
  });

  it('logs wins from the view and from the palette and shows both', async () => {
    await view.locator('#win-text input').fill('Logged in the view');
    await view.locator('#win-submit').click();
    await waitForText(view.locator('#session-wins'), /Logged in the view/);
    await runCommand(bench.page, 'Small Wins: Log a Win');
    await type(bench.page, 'Type a micro-win', 'Logged from the palette');
    await waitForText(view.locator('#session-wins'), /Logged from the palette/);
    await waitForText(view.locator('#today-wins'), /Logged in the view/);
    await waitForText(statusItem(bench.page), /·\s*2$/);
  });

  it('never overwrites what is being typed when a snapshot arrives', async () => {
    await view.locator('#win-text input').fill('half-typed');
    await runCommand(bench.page, 'Small Wins: Log a Win');
    await type(bench.page, 'Type a micro-win', 'Third win');
    await waitForText(view.locator('#session-wins'), /Third win/);
    assert.equal(await view.locator('#win-text input').inputValue(), 'half-typed');
    await view.locator('#win-text input').fill('');
  });

  it('shows hostile subgoal text as literal text, with no script run', async () => {
    await view.locator('.add-goal summary').click();
    await view.locator('#subgoal-text input').fill(HOSTILE);
    await view.locator('.add-goal input[type=range]').fill('8');
    await view.locator('#subgoal-submit').click();
    await waitForText(view.locator('#session-subgoals'), /<img src=x onerror=alert\(1\)>/);
    assert.equal(await view.locator('#session-subgoals img').count(), 0);
    assert.equal(await view.locator('img').count(), 0);
    assert.deepEqual(bench.dialogs, []);
    const tooltip = await statusItem(bench.page).getAttribute('aria-label');
    assert.match(tooltip ?? '', /3 wins/);
  });

  it('marks a subgoal done from the view', async () => {
    await view.locator('#session-subgoals li', { hasText: 'Rewrite the number rule' }).locator('vscode-button', { hasText: 'Done' }).click();
    await view.locator('#session-subgoals li.done', { hasText: 'Rewrite the number rule' }).waitFor();
    await waitForText(statusItem(bench.page), /·\s*4$/);
  });

  it('ends with the review in the view: outcomes, attribution and a slip review', async () => {
    await view.locator('#session-end').click();
    await view.locator('#review-form').waitFor();
    const outcomes = view.locator('#review-form select[id^="outcome-"]');
    assert.equal(await outcomes.count(), 2);
    await outcomes.nth(1).selectOption('missed');
    await view.locator('#review-cause').selectOption('strategy');
    assert.equal(await view.locator('#review-controllable').inputValue(), '9', 'dimensions default from the cause');
    await view.locator('#review-detail input').fill('wrote the failing test first');
    await view.locator('#review-slip').waitFor();
    await view.locator('#slip-cue input').fill('A chat ping');
    await view.locator('#review-submit').click();
    await waitForText(view.locator('#review-error'), /all three slip questions/);
    await view.locator('#slip-friction input').fill('Notifications on');
    await view.locator('#slip-tweak input').fill('Do Not Disturb first');
    await view.locator('#review-submit').click();
    await waitForText(view.locator('#feedback'), /You met 1 of 2 subgoals and logged 4 wins on parser tests/);
    await view.locator('#start-heading').waitFor();
    await waitForText(statusItem(bench.page), /Start focus/);
  });

  it('draws the pictures of progress with data, each with a text alternative', async () => {
    await runCommand(bench.page, 'Small Wins: Rate Domain Confidence');
    await pick(bench.page, 'Pick a micro-domain', 'parser tests');
    await type(bench.page, 'How certain are you', '65');
    await notification(bench.page, 'Recorded: 65/100').waitFor();
    const progress = view.locator('#progress');
    // The Progress tab's figures, drawn in the sidebar once their script came (added by the view, under its CSP).
    await waitForText(progress, /parser tests at 65/);
    await waitForText(progress, /4 wins on 1 day between/);
    await waitForText(progress, /In this period 100% of 1 reviewed session credited a cause that is yours/);
    await waitForText(progress, /Reviewed subgoals: 2; average confidence 8\.0\/10; met 50%/);
    await waitForText(view.locator('#brier-summary'), /parser tests: 0\.34/);
    assert.equal(await progress.locator('svg.sw-plot').count(), 5);
    assert.ok((await progress.locator('#calendar .sw-mark').count()) >= 84);
    // Day one: nothing is due yet (a reflection after a first full week; the baseline was just given).
    assert.equal(await view.locator('#due-prompts').count(), 0);
    await waitForText(view.locator('#evidence-record'), /Last time you rated 4\/10 on parser tests you logged 4 wins\./);
  });

  it('follows the light and dark themes (screenshots)', async () => {
    fs.mkdirSync(RESULTS, { recursive: true });
    await view.locator('#progress h2').scrollIntoViewIfNeeded();
    await bench.page.screenshot({ path: path.join(RESULTS, 'dashboard-light.png') });
    await view.locator('#figures').screenshot({ path: path.join(RESULTS, 'dashboard-light-figures.png') });
    const lightText = await view.locator('body').evaluate((b) => getComputedStyle(b).color);
    await runAndPick(bench.page, 'Preferences: Color Theme', 'Select Color Theme', 'Dark Modern');
    await view.locator('body.vscode-dark').waitFor();
    const darkText = await view.locator('body').evaluate((b) => getComputedStyle(b).color);
    assert.notEqual(darkText, lightText);
    await view.locator('#progress h2').scrollIntoViewIfNeeded();
    await bench.page.screenshot({ path: path.join(RESULTS, 'dashboard-dark.png') });
    await view.locator('#figures').screenshot({ path: path.join(RESULTS, 'dashboard-dark-figures.png') });
  });

  it('renders hostile imported text (HTML, script, </script>, bidi, long words) as inert text', async () => {
    const now = Date.now();
    const hostile = {
      domain: '<script>alert(1)</script>',
      goal: '</script><script>alert(2)</script>',
      win: '<img src=x onerror=alert(3)> \u202egnp.exe',
      long: 'W'.repeat(400),
      cue: '<iframe src="javascript:alert(4)"></iframe>',
      note: '<b onmouseover=alert(5)>bold</b>',
    };
    const journal = {
      version: 1,
      domains: [{ id: 'hd', name: hostile.domain, createdAt: now }],
      sessions: [{
        id: 'hs', domainId: 'hd', workspace: 'x', startedAt: now - 60_000, pauses: [],
        subgoals: [{ id: 'hg', text: hostile.goal, confidence: 8, createdAt: now }],
        wins: [{ id: 'hw', text: hostile.win, at: now, source: 'manual' }, { id: 'hl', text: hostile.long, at: now, source: 'manual' }],
        cueIds: ['hc'], reframes: [],
      }],
      cues: [{ id: 'hc', instruction: hostile.cue, createdAt: now, uses: 1 }],
      ratings: [], reflections: [],
      models: [{ id: 'hm', name: 'Model', domainId: 'hd', workflowNotes: hostile.note, createdAt: now }],
      encouragements: [{ id: 'he', from: 'Someone', text: hostile.note, domainId: 'hd', at: now }],
    };
    const scriptsBefore = await view.locator('script').count();
    const file = path.join(bench.workspace, 'hostile.json');
    fs.writeFileSync(file, JSON.stringify({ format: 'small-wins-journal', version: 1, exportedAt: now, journal }));
    await runCommand(bench.page, 'Small Wins: Import Data');
    await chooseFile(bench.page, 'Import Small Wins journal', 'hostile.json', 'open');
    await notification(bench.page, 'Imported 1 domain, 1 session, 1 self-talk cue, 1 model, and 1 encouragement.').waitFor();
    await waitForText(view.locator('#session-heading'), /<script>alert\(1\)<\/script>/);
    await waitForText(view.locator('#session-subgoals'), /<\/script><script>alert\(2\)<\/script>/);
    await waitForText(view.locator('#session-wins'), /<img src=x onerror=alert\(3\)> \[U\+202E\]gnp\.exe/);
    await waitForText(view.locator('#session-cue'), /<iframe src="javascript:alert\(4\)"><\/iframe>/);
    await waitForText(view.locator('#evidence-bank'), /<b onmouseover=alert\(5\)>bold<\/b>/);
    assert.equal(await view.locator('script').count(), scriptsBefore, 'no script element was added');
    const scriptText = await view.locator('script').evaluateAll((list) => list.map((e) => e.textContent ?? '').join(' '));
    assert.doesNotMatch(scriptText, /alert/);
    assert.equal(await view.locator('img, iframe, b').count(), 0);
    const overflow = await view.locator('body').evaluate((b) => b.scrollWidth - b.clientWidth);
    assert.ok(overflow <= 1, `no horizontal overflow (${overflow}px)`);
    const label = await statusItem(bench.page).getAttribute('aria-label');
    assert.match(label ?? '', /<script>alert\(1\)<\/script>/);
    assert.deepEqual(bench.dialogs, []);
    await bench.page.screenshot({ path: path.join(RESULTS, 'dashboard-hostile.png') });
  });

  it('offers a win when a test task passes after failing; one click logs it with its source', async () => {
    const page = bench.page;
    await runCommand(page, 'Tasks: Run Test Task');
    await waitForFile(path.join(bench.workspace, 'ran-1'));
    assert.equal(await view.locator('#session-suggestions .suggestion').count(), 0, 'a failure suggests nothing');
    fs.writeFileSync(path.join(bench.workspace, 'ready.flag'), '');
    await runCommand(page, 'Tasks: Run Test Task');
    const suggestion = view.locator('#session-suggestions .suggestion', { hasText: 'Tests pass again: check' });
    await suggestion.waitFor();
    assert.match((await statusItem(page).getAttribute('aria-label')) ?? '', /1 suggested/);
    await suggestion.locator('vscode-button', { hasText: 'Log it' }).click();
    await waitForText(view.locator('#session-wins'), /Tests pass again: check/);
    await suggestion.waitFor({ state: 'detached' });
    await waitForStored(page, '"text":"Tests pass again: check","at":');
    await waitForStored(page, '"source":"test"');
  });

  it("offers a win for a commit made in the session, read from the repository's log", async () => {
    commitIn(bench.workspace, 'Add the lexer');
    const suggestion = view.locator('#session-suggestions .suggestion', { hasText: 'Committed: Add the lexer' });
    await suggestion.waitFor();
    await suggestion.locator('vscode-button', { hasText: 'Log it' }).click();
    await waitForText(view.locator('#session-wins'), /Committed: Add the lexer/);
    await waitForStored(bench.page, '"source":"commit"');
  });
});

