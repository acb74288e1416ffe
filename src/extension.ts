import type * as vscode from 'vscode';
import type * as App from './host/app';

/**
 * Activation only schedules the real start on the next turn of the event loop: VS Code measures
 * activation as loading this file plus this call, and other extensions start meanwhile. The app
 * (dist/host/app.js) is loaded then; commands that trigger activation wait for the returned promise.
 */
export function activate(context: vscode.ExtensionContext): Promise<void> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      try {
        // A separate bundle, loaded on demand so that it costs nothing at activation.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const app = require('./host/app') as typeof App;
        context.subscriptions.push(app.createSmallWins(context));
        resolve();
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }, 0);
  });
}

export function deactivate(): void {
  // Every change is written when it happens; there is nothing left to save here.
}
