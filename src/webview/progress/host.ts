import type { ProgressMessage } from '../../shared/progressProtocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

/** Posts what the user chose; the type keeps the tab and the host's schema in step. */
export function post(message: ProgressMessage): void {
  api.postMessage(message);
}
