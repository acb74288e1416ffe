import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = process.cwd();
/** The languages Small Wins ships, as VS Code names their files. */
export const LANGUAGES = ['de', 'fr', 'es', 'pt-br', 'ja', 'zh-cn'] as const;

const read = (file: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
const placeholders = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort().join(' ');
const commandLinks = (text: string) => (text.match(/\(command:[^)]+\)/g) ?? []).join(' ');
const codeSpans = (text: string) => (text.match(/`[^`]+`/g) ?? []).sort().join(' ');

describe('translations', () => {
  const messages = read(path.join('l10n', 'bundle.l10n.json'));
  const manifest = read('package.nls.json');

  for (const language of LANGUAGES) {
    it(`has every runtime message in ${language}, with the same placeholders`, () => {
      const bundle = read(path.join('l10n', `bundle.l10n.${language}.json`));
      assert.deepEqual(Object.keys(bundle).sort(), Object.keys(messages).sort(), 'the same messages');
      const wrong = Object.entries(bundle).filter(([english, translated]) => typeof translated !== 'string' || translated.trim() === '' || placeholders(english) !== placeholders(translated));
      assert.deepEqual(wrong, [], 'every translation non-empty, with the same {n}');
      const untranslated = Object.entries(bundle).filter(([english, translated]) => english === translated && /[A-Za-z]{4}/.test(english.replace(/Small Wins/g, '')));
      assert.ok(untranslated.length < 20, `few messages read the same as English (${untranslated.length}): ${untranslated.map(([e]) => e).join(' | ')}`);
    });

    it(`has every manifest string in ${language}, with command links and setting names kept`, () => {
      const nls = read(`package.nls.${language}.json`);
      assert.deepEqual(Object.keys(nls).sort(), Object.keys(manifest).sort());
      for (const [key, english] of Object.entries(manifest)) {
        const translated = nls[key] ?? '';
        assert.ok(translated.trim(), key);
        assert.equal(commandLinks(translated), commandLinks(english), `${key}: command links`);
        assert.equal(codeSpans(translated), codeSpans(english), `${key}: code spans`);
      }
    });
  }
});
