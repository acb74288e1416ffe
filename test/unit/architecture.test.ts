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

const SRC = path.join(process.cwd(), 'src');

/** Each file under src (relative, without ".ts") and the files it imports, type imports and re-exports included. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of fs.readdirSync(SRC, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'))) {
    const from = file.split(path.sep).join('/').replace(/\.ts$/, '');
    const text = fs.readFileSync(path.join(SRC, file), 'utf8');
    const targets = [...text.matchAll(/^(?:import|export)\b[^;]*?from\s*'(\.[^']*)'/gm)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(from), m[1] as string)));
    graph.set(from, targets.map((t) => (graph.has(t) || fs.existsSync(path.join(SRC, `${t}.ts`)) ? t : `${t}/index`)));
  }
  return graph;
}

/** The import circles of a graph, each as the files around it. */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe('a codebase without import circles', () => {
  it('has none in src, type imports included', () => {
    assert.deepEqual(circles(importGraph()).map((c) => c.join(' → ')), []);
  });

  it('finds one (the check itself works)', () => {
    const graph = new Map([['core/l10n', ['core/schema']], ['core/schema', ['core/limits', 'core/l10n']], ['core/limits', []]]);
    assert.deepEqual(circles(graph), [['core/l10n', 'core/schema', 'core/l10n']]);
  });
});
