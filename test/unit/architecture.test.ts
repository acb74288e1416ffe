import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const HOST = path.join(process.cwd(), 'src', 'host');

/** Every TypeScript file under src/host, relative to it, with its text. */
function hostFiles(): { file: string; text: string }[] {
  return fs
    .readdirSync(HOST, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((file) => ({ file: file.split(path.sep).join('/'), text: fs.readFileSync(path.join(HOST, file), 'utf8') }));
}

/** The core functions that change a journal: only the action layer (and the store itself) may call them. */
const MUTATORS = [
  'startSession', 'updateRunning', 'addSubgoals', 'logWin', 'pause', 'resume', 'excludeAway', 'extendPlan', 'addCue', 'endSession',
  'endWithReview', 'addDomain', 'useCue', 'addRating', 'addReflection', 'addModel', 'addEncouragement', 'mergeJournals', 'mergeSessions',
];

const MAY_CHANGE_THE_JOURNAL = /^(actions|storage)\//;

describe('one action layer changes the journal', () => {
  it('keeps journal writes and core mutators out of the palette, dashboard, session UI and suggestions', () => {
    const offenders: string[] = [];
    for (const { file, text } of hostFiles()) {
      if (MAY_CHANGE_THE_JOURNAL.test(file)) continue;
      if (/\bstore\s*\.\s*(update|apply)\s*\(/.test(text)) offenders.push(`${file}: writes through the store`);
      for (const match of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'([^']*\/core\/[^']*)'/g)) {
        const names = (match[1] ?? '').split(',').map((n) => n.trim().split(/\s+as\s+/)[0]?.replace(/^type\s+/, '') ?? '');
        for (const name of names) if (MUTATORS.includes(name)) offenders.push(`${file}: imports ${name} from ${match[2]}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('finds a write outside the action layer (the check itself works)', () => {
    const sample = "import { logWin } from '../../core/session';\nawait ctx.store.apply((j) => j);";
    assert.match(sample, /\bstore\s*\.\s*(update|apply)\s*\(/);
    assert.ok([...sample.matchAll(/import\s*\{([^}]*)\}\s*from\s*'([^']*\/core\/[^']*)'/g)].some((m) => MUTATORS.includes((m[1] ?? '').trim())));
  });

  it('has no vscode import in the action layer', () => {
    for (const { file, text } of hostFiles()) {
      if (file.startsWith('actions/')) assert.doesNotMatch(text, /from 'vscode'/, file);
    }
  });
});
