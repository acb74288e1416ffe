/**
 * The messages Small Wins translates: the first argument of every `t(...)` call in src, read with
 * the TypeScript parser. l10n/bundle.l10n.json lists them for translators (`npm run l10n` writes it;
 * a unit test keeps it in sync), in the format VS Code reads bundle.l10n.<language>.json in.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

export interface Extracted {
  messages: Set<string>;
  /** Calls whose message is not a plain string literal, so no translation could ever match them. */
  problems: string[];
}

export function extractMessages(srcDir: string): Extracted {
  const messages = new Set<string>();
  const problems: string[] = [];
  const files = fs.readdirSync(srcDir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
  for (const file of files) {
    const full = path.join(srcDir, file);
    const source = ts.createSourceFile(full, fs.readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't') {
        const first = node.arguments[0];
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) messages.add(first.text);
        else {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          problems.push(`${path.join('src', file)}:${line + 1}: t(${first?.getText() ?? ''}) needs a string literal`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { messages, problems };
}

/** The template bundle: each message mapped to itself, sorted, as @vscode/l10n-dev writes it. */
export function bundleText(messages: Set<string>): string {
  const sorted = [...messages].sort();
  return `${JSON.stringify(Object.fromEntries(sorted.map((m) => [m, m])), null, 2)}\n`;
}

if (require.main === module) {
  const root = process.cwd();
  const { messages, problems } = extractMessages(path.join(root, 'src'));
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  fs.mkdirSync(path.join(root, 'l10n'), { recursive: true });
  fs.writeFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), bundleText(messages));
  console.log(`Wrote l10n/bundle.l10n.json: ${messages.size} messages.`);
}
