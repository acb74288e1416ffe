import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_NAMES, commandId } from '../../src/host/commands/commandIds';
import { DEFAULT_SETTINGS, SETTING_KEYS } from '../../src/host/platform/settings';

interface Manifest {
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, { default: unknown }> };
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as Manifest;
const nls = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.nls.json'), 'utf8')) as Record<string, string>;
/** The English text of a manifest string, which may be a %key% into package.nls.json. */
const text = (value: string) => value.replace(/^%(.+)%$/, (_, key: string) => nls[key] ?? `<missing ${key}>`);
const source = fs.readFileSync(path.join(process.cwd(), 'src', 'host', 'platform', 'vscodeSettings.ts'), 'utf8');

describe('package.json manifest', () => {
  it('contributes every registered command and registers every contributed one', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, COMMAND_NAMES.map(commandId).sort());
  });

  it('puts every command in the Small Wins category with a title', () => {
    for (const c of manifest.contributes.commands) {
      assert.equal(text(c.category), 'Small Wins', c.command);
      assert.match(text(c.title), /^[A-Z][\w /-]{3,}$/, c.command);
    }
  });

  it('has every localizable manifest string in package.nls.json, and no unused ones', () => {
    const raw = fs.readFileSync(path.join(process.cwd(), 'package.json'), 'utf8');
    const used = new Set([...raw.matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]));
    assert.deepEqual([...used].filter((k) => k && !(k in nls)), []);
    assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)), []);
  });

  it('activates on startup finished, or earlier only to restore its Progress tab; never on *', () => {
    assert.deepEqual(manifest.activationEvents, ['onStartupFinished', 'onWebviewPanel:smallWins.progress']);
  });

  it('declares every setting the extension reads, with the same defaults', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.deepEqual(Object.keys(properties).sort(), Object.values(SETTING_KEYS).map((key) => `smallWins.${key}`).sort());
    for (const [field, key] of Object.entries(SETTING_KEYS)) {
      assert.deepEqual(properties[`smallWins.${key}`]?.default, DEFAULT_SETTINGS[field as keyof typeof SETTING_KEYS], `smallWins.${key}`);
    }
    // The one place VS Code is asked: every key through the table.
    assert.match(source, /c\.get\(key\)/);
  });
});
