import type * as vscode from 'vscode';
import { createSmallWins } from './host/app';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(createSmallWins(context));
}

export function deactivate(): void {
  // Every change is written when it happens; there is nothing left to save here.
}
