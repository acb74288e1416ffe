/**
 * Every sentence the user reads goes through `t`, so it comes out in the display language. The host
 * plugs in vscode.l10n.t (core cannot import vscode); the dashboard plugs in the bundle the host
 * hands it. English is the source: the message itself is the key, with {0}, {1}… for values.
 */
export type Translate = (message: string, ...args: (string | number)[]) => string;

/** Fills {0}, {1}… in the message, as vscode.l10n.t does. */
export function format(message: string, ...args: (string | number)[]): string {
  return message.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}

let translate: Translate = format;

export function t(message: string, ...args: (string | number)[]): string {
  return translate(message, ...args);
}

export function useTranslator(next: Translate): void {
  translate = next;
}

/** A translator from a bundle of { English message: translation }, as VS Code writes them. */
export function fromBundle(bundle: Readonly<Record<string, string>> | undefined): Translate {
  if (!bundle) return format;
  return (message, ...args) => format(Object.hasOwn(bundle, message) ? (bundle[message] as string) : message, ...args);
}

/** "1 win" / "3 wins": counted nouns several sentences share, each form translated whole. */
export const winCount = (n: number): string => (n === 1 ? t('1 win') : t('{0} wins', n));
export const sessionCount = (n: number): string => (n === 1 ? t('1 session') : t('{0} sessions', n));
