import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chooseFile, clickInputButton, clickNotificationButton, expectPrompt, notification, openDashboard, pick, quickInput, runAndPick, runCommand, secondsIn, statusItem, type, validationMessage, waitForArchived, waitForStored, waitForText, Workbench } from './workbench';

/** The whole focus loop from the command palette and the status bar, in a real VS Code. */
describe('focus loop from the palette and the status bar (real VS Code)', function () {
  this.timeout(240_000);
  let bench: Workbench;

  before(async function () {
    bench = await Workbench.launch();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await bench?.screenshot(`focus-loop ${this.currentTest.title}`);
  });

  after(async function () {
    await bench?.close();
  });

  it('shows "Start focus" in the status bar when idle', async () => {
    await waitForText(statusItem(bench.page), /Start focus/);
    const label = await statusItem(bench.page).getAttribute('aria-label');
    assert.match(label ?? '', /no session running/);
  });

  it('starts a session, shrinking a subgoal rated under the threshold', async () => {
    const page = bench.page;
    await runCommand(page, 'Small Wins: Start Focus Session');
    // A first-time user names the micro-domain once; the baseline rating is skipped with Enter.
    await type(page, 'Name a micro-domain', 'parser tests');
    await type(page, 'How certain are you', '');
    await expectPrompt(page, /Type your proximal subgoal/);
    await clickInputButton(page, 'Change the planned length');
    await pick(page, 'How long do you plan', 'Open-ended');
    await clickInputButton(page, 'Change the self-talk cue');
    await pick(page, 'Instructional self-talk', 'Turn a hope or worry');
    await type(page, 'hoping for or worried about', "I hope I don't break the build");
    await type(page, '"I hope" is about the outcome', 'hopefully it all works');
    await waitForText(validationMessage(page), /next mechanical step/);
    const input = quickInput(page).locator('input');
    await input.fill('Run the tests after each edit');
    await input.press('Enter');
    await expectPrompt(page, /parser tests · Open-ended · cue: Run the tests after each edit/);
    await type(page, /Type your proximal subgoal/, 'Rewrite the whole tokenizer');
    await pick(page, 'How sure are you', '4');
    await pick(page, 'below 7', 'Shrink the goal');
    // Not "Make it smaller": the shrink offer's placeholder says that too, and may still be showing.
    await type(page, 'which part could you surely finish', 'Rewrite the number rule');
    await pick(page, 'How sure are you', '8');
    await notification(page, 'Focus session started on parser tests').waitFor();
    await waitForText(statusItem(page), /parser tests/);
  });

  it('ticks the status bar every second while the session runs', async () => {
    const first = secondsIn((await statusItem(bench.page).textContent()) ?? '');
    await bench.page.waitForFunction(
      ([id, start]) => {
        const text = document.getElementById(id)?.textContent ?? '';
        const m = /(\d{2}):(\d{2})/.exec(text);
        return m !== null && Number(m[1]) * 60 + Number(m[2]) >= (start) + 2;
      },
      ['small-wins.small-wins.smallWins.session', first] as const,
      { timeout: 10_000 },
    );
    const tooltip = await statusItem(bench.page).getAttribute('aria-label');
    assert.match(tooltip ?? '', /Small Wins session on parser tests: \d+ minutes? elapsed, 0 wins/);
  });

  it('logs a subgoal win and a micro-win, with an acknowledgment from the record', async () => {
    const page = bench.page;
    await runCommand(page, 'Small Wins: Log a Win');
    await pick(page, 'Type a micro-win, or pick', 'Rewrite the number rule');
    await notification(page, /1 win this session and 1 today on parser tests/).waitFor();
    // Typed straight into the box, Enter logs it: one interaction.
    await runCommand(page, 'Small Wins: Log a Win');
    await type(page, 'Type a micro-win', 'Found the off-by-one in peek()');
    await notification(page, /2 wins this session/).waitFor();
    await waitForText(statusItem(page), /parser tests\s*·\s*2$/);
  });

  it('adds a subgoal, reuses the saved cue and keeps a reframe', async () => {
    const page = bench.page;
    await runCommand(page, 'Small Wins: Add Subgoal');
    await type(page, 'proximal subgoal', 'Document the lexer');
    await pick(page, 'How sure are you', '9');
    await notification(page, 'Subgoal added: Document the lexer').waitFor();
    await runCommand(page, 'Small Wins: Instructional Self-Talk');
    await pick(page, 'Instructional self-talk', 'Run the tests after each edit');
    await notification(page, 'Your cue: Run the tests after each edit').waitFor();
    await runCommand(page, 'Small Wins: Reframe Arousal');
    await pick(page, 'What do you notice in your body', 'Racing heart');
    await clickNotificationButton(page, 'mobilising energy', 'Keep this reframe');
    const tooltip = await statusItem(page).getAttribute('aria-label');
    assert.match(tooltip ?? '', /2 wins/);
  });

  it('pauses, stays paused with the same time across a reload, and resumes', async () => {
    const page = bench.page;
    await runCommand(page, 'Small Wins: Pause / Resume Session');
    const paused = await waitForText(statusItem(page), /paused/);
    await notification(page, 'Session paused').waitFor();
    await waitForStored(page, '"pauses":[{"from"');
    // A reload takes seconds: the paused time must not move across it.
    await page.reload();
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    const after = await waitForText(statusItem(page), /paused/);
    assert.equal(secondsIn(after), secondsIn(paused));
    await runCommand(page, 'Small Wins: Pause / Resume Session');
    await notification(page, 'Session resumed').waitFor();
    await statusItem(page).filter({ hasNotText: /paused/ }).waitFor();
  });

  it('opens the session menu from the status bar and logs a win through it', async () => {
    const page = bench.page;
    await statusItem(page).click();
    await pick(page, 'Session actions', 'Log a Win');
    await type(page, 'Type a micro-win', 'Clicked from the status bar');
    await waitForText(statusItem(page), /parser tests\s*·\s*3$/);
  });

  it('keeps the session, its time (within a second), subgoals, wins and cue across a reload', async () => {
    const page = bench.page;
    await waitForStored(page, 'Clicked from the status bar');
    const before = secondsIn((await statusItem(page).textContent()) ?? '');
    const readAt = Date.now();
    await page.reload();
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    const text = await waitForText(statusItem(page), /parser tests\s*·\s*3$/);
    const expected = before + (Date.now() - readAt) / 1000;
    assert.ok(Math.abs(secondsIn(text) - expected) <= 1.5, `elapsed ${secondsIn(text)} s, expected ${expected.toFixed(1)} s`);
    const view = await openDashboard(page);
    await waitForText(view.locator('#session-cue'), /Run the tests after each edit/);
    await waitForText(view.locator('#session-subgoals'), /Rewrite the number rule[\s\S]*Document the lexer/);
    assert.equal(await view.locator('#session-wins li').count(), 3);
  });

  it('ends with the quick review and a slip review one click away, then reassesses', async () => {
    const page = bench.page;
    await runCommand(page, 'Small Wins: End Session and Review');
    // The done subgoal is already checked; Enter keeps it, and the other goes on to "partly".
    await expectPrompt(page, 'Which subgoals did you meet');
    await quickInput(page).locator('input').press('Enter');
    await expectPrompt(page, 'Which of the rest did you partly meet');
    await quickInput(page).locator('input').press('Enter');
    await expectPrompt(page, 'What made the difference');
    await quickInput(page).locator('input').fill('wrote the failing test first');
    await quickInput(page).locator('.monaco-list-row', { hasText: 'Strategy or approach' }).first().click();
    await pick(page, 'How you see the cause', 'Keep');
    await clickNotificationButton(page, 'You met 1 of 2 subgoals', 'Review the slip');
    await type(page, 'What cue triggered the slip', 'A chat ping during the hard part');
    await type(page, 'What friction failed', 'Notifications were on');
    await type(page, 'One tweak for tomorrow', 'Turn on Do Not Disturb when a session starts');
    await notification(page, 'Slip review saved').waitFor();
    await runCommand(page, 'Small Wins: Rate Domain Confidence');
    await pick(page, 'Pick a micro-domain', 'parser tests');
    await type(page, 'How certain are you', '150');
    await waitForText(validationMessage(page), /from 0 to 100; you entered 150/);
    const input = quickInput(page).locator('input');
    await input.fill('65');
    await input.press('Enter');
    await notification(page, 'Recorded: 65/100 can-do for parser tests').waitFor();
    await waitForText(statusItem(page), /Start focus/);
    // The ended session left globalState for an archive file of its month.
    const file = await waitForArchived(bench.vscode.userDataDir, 'Found the off-by-one in peek()');
    assert.match(file, /^\d{4}-\d{2}\..+\.json$/);
    await waitForStored(page, '"sessions":[]');
  });

  it('records a reflection, a model and encouragement, and shows the evidence', async () => {
    const page = bench.page;
    await runCommand(page, 'Small Wins: Weekly Reflection');
    await type(page, 'What did I do well', 'Kept the goals small');
    await type(page, 'What would I do differently', 'Silence notifications first');
    await type(page, 'What did this teach me', 'I can finish hard parts in small steps');
    await notification(page, 'Reflection saved').waitFor();
    await runCommand(page, 'Small Wins: Add Vicarious Model');
    await type(page, 'visible effort', 'Ana');
    await pick(page, 'Which domain', 'parser tests');
    await type(page, 'How does Ana work', 'Writes the test name first');
    await notification(page, 'Saved Ana as a model').waitFor();
    await runCommand(page, 'Small Wins: Record Encouragement');
    await type(page, 'Who said it', 'Lead reviewer');
    await type(page, 'What did Lead reviewer say', 'Your tests caught a real regression');
    await pick(page, 'Which domain', 'parser tests');
    await notification(page, 'Encouragement saved').waitFor();
    // A fresh window reads the ended session back from the archive.
    await waitForStored(page, 'Your tests caught a real regression');
    await page.reload();
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await waitForText(statusItem(page), /Start focus/);
    await runCommand(page, 'Small Wins: Show My Evidence');
    await quickInput(page).locator('.monaco-list-row', { hasText: 'Found the off-by-one in peek()' }).waitFor();
    await quickInput(page).locator('.monaco-list-row', { hasText: 'Your tests caught a real regression' }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('writes the weekly review as a Markdown file and opens it', async () => {
    const page = bench.page;
    const file = path.join(bench.workspace, 'week.md');
    await runCommand(page, 'Small Wins: Write Weekly Review');
    await chooseFile(page, 'Save the weekly review', 'week.md', 'save');
    await notification(page, 'Wrote the weekly review').waitFor();
    await page.locator('.tab', { hasText: 'week.md' }).first().waitFor();
    const doc = fs.readFileSync(file, 'utf8');
    assert.match(doc, /^# Small Wins — week of /);
    assert.match(doc, /- Win: Found the off-by-one in peek\(\)/);
    assert.match(doc, /- Subgoal: Document the lexer — confidence 9\/10, missed/);
    assert.match(doc, /tweak: Turn on Do Not Disturb when a session starts/);
    assert.match(doc, /- parser tests: 65\/100/);
    assert.match(doc, /\*\*What did I do well\?\*\* Kept the goals small/);
    await runCommand(page, 'View: Close All Editors');
    await page.locator('.tab', { hasText: 'week.md' }).waitFor({ state: 'detached' });
  });

  it('exports the journal, refuses a bad import naming the field, and re-imports without duplicates', async () => {
    const page = bench.page;
    const exported = path.join(bench.workspace, 'journal.json');
    await runAndPick(page, 'Small Wins: Export Data', 'What to export', 'Whole journal (JSON)');
    await chooseFile(page, 'Export Small Wins journal', 'journal.json', 'save');
    await notification(page, 'Exported your journal').waitFor();
    const file = JSON.parse(fs.readFileSync(exported, 'utf8')) as { journal: { sessions: { wins: unknown[]; subgoals: { confidence: number }[] }[] } };
    assert.equal(file.journal.sessions[0]?.wins.length, 3);
    const bad = structuredClone(file);
    (bad.journal.sessions[0] as { subgoals: { confidence: number }[] }).subgoals[0]!.confidence = 42;
    const badPath = path.join(bench.workspace, 'bad.json');
    fs.writeFileSync(badPath, JSON.stringify(bad));
    await runCommand(page, 'Small Wins: Import Data');
    await chooseFile(page, 'Import Small Wins journal', 'bad.json', 'open');
    await notification(page, /Import refused, nothing was changed.*journal\.sessions\[0\]\.subgoals\[0\]\.confidence/).waitFor();
    await runCommand(page, 'Small Wins: Import Data');
    await chooseFile(page, 'Import Small Wins journal', 'journal.json', 'open');
    await notification(page, 'Nothing new to import').waitFor();
  });

  it('opens the Getting Started walkthrough and logs a win by keyboard shortcut', async () => {
    const page = bench.page;
    await runAndPick(page, 'Welcome: Open Walkthrough...', /walkthrough/i, 'Get started with Small Wins');
    await page.locator('.gettingStartedContainer', { hasText: 'Start a focus session' }).first().waitFor();
    await page.locator('.gettingStartedContainer', { hasText: 'Turn a worry into an instruction' }).first().waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Alt+Shift+W');
    await notification(page, 'No focus session is running').waitFor();
  });
});

