import type * as vscode from 'vscode';
import { t } from '../../core/l10n';
import type { ActionServices } from '../actions/notices';
import { currentSessionText, TOOL_NAMES, WinProposals } from './assistantTools';
import { ReviewReads } from './reviewTool';

/**
 * The part of the vscode API the tools use, handed in by the app (`vscode` itself). `lm` is optional
 * because a host without the language model API (an older editor, a fork) must still activate.
 */
export interface LmApi {
  readonly lm?: { readonly registerTool?: typeof vscode.lm.registerTool };
  readonly LanguageModelToolResult: typeof vscode.LanguageModelToolResult;
  readonly LanguageModelTextPart: typeof vscode.LanguageModelTextPart;
  readonly MarkdownString: typeof vscode.MarkdownString;
}

/** Registers the assistant tools (package.json `languageModelTools`); none when the host has no `lm.registerTool`. */
export function registerAssistantTools(api: LmApi, s: ActionServices): vscode.Disposable[] {
  const lm = api.lm;
  if (typeof lm?.registerTool !== 'function') return [];
  const result = (text: string) => new api.LanguageModelToolResult([new api.LanguageModelTextPart(text)]);
  const proposals = new WinProposals(s);
  const reviews = new ReviewReads(s);
  return [
    lm.registerTool<unknown>(TOOL_NAMES.currentSession, {
      prepareInvocation: () => ({ invocationMessage: t('Reading your Small Wins session') }),
      invoke: () => result(currentSessionText(s.store.live, s.clock(), s.workspaceLabel())),
    }),
    lm.registerTool<unknown>(TOOL_NAMES.proposeWin, {
      prepareInvocation: (options) => {
        const prepared = proposals.prepare(options.input);
        if (!prepared.confirm) return { invocationMessage: prepared.progress };
        // appendText escapes Markdown, so the chat view shows the win as the text it is.
        const message = new api.MarkdownString().appendText(prepared.confirm.message);
        return { invocationMessage: prepared.progress, confirmationMessages: { title: prepared.confirm.title, message } };
      },
      invoke: async (options) => result(await proposals.invoke(options.input)),
    }),
    lm.registerTool<unknown>(TOOL_NAMES.review, {
      prepareInvocation: (options) => {
        const invocationMessage = t('Reading your Small Wins record');
        const confirm = reviews.prepare(options.input);
        // Nothing to confirm for an input that reads nothing: invoke says why.
        if (!confirm) return { invocationMessage };
        return { invocationMessage, confirmationMessages: { title: confirm.title, message: new api.MarkdownString().appendText(confirm.message) } };
      },
      invoke: async (options) => result(await reviews.invoke(options.input)),
    }),
  ];
}
