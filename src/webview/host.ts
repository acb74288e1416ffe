import type { WebviewMessage } from '../shared/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

/** Posts a user intent to the host; the type keeps the view and the host's schema in step. */
export function post(message: WebviewMessage): void {
  api.postMessage(message);
}
