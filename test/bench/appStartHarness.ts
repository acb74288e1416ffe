/**
 * Times what `activate` leaves for the next turn of the event loop, outside VS Code's activation
 * figure: loading the production app bundle (dist/host/app.js) and creating the extension, with
 * stand-ins for the vscode API. One fresh process per measurement; prints one JSON line.
 */
import Module from 'node:module';
import * as path from 'node:path';
import type * as App from '../../src/host/app';
import * as fakeVscode from './fakeVscode';
import { fakeContext } from './fakeContext';

type Require = (this: unknown, id: string) => unknown;
const prototype = Module.prototype as unknown as { require: Require };
const load = prototype.require;
prototype.require = function (this: unknown, id: string) {
  return id === 'vscode' ? fakeVscode : load.call(this, id);
};

const bundle = path.join(process.cwd(), 'dist', 'host', 'app.js');
const loading = performance.now();
const app = Module.createRequire(__filename)(bundle) as typeof App;
const loaded = performance.now();
const context = fakeContext();
context.subscriptions.push(app.createSmallWins(context));
const created = performance.now();
for (const subscription of context.subscriptions) subscription.dispose();
process.stdout.write(`${JSON.stringify({ loadMs: loaded - loading, createMs: created - loaded })}\n`);
process.exit(0);
