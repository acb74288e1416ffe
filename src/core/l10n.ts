/**
 * Every sentence the user reads goes through `t`, so it comes out in the display language. The host
 * plugs in vscode.l10n.t (core cannot import vscode); the dashboard plugs in the bundle the host
 * hands it. English is the source: the message itself is the key, with {0}, {1}… for values.
 */
import type { CollectionName } from './records/collections';

export type Translate = (message: string, ...args: (string | number)[]) => string;

/** Fills {0}, {1}… in the message, as vscode.l10n.t does. */
export function format(message: string, ...args: (string | number)[]): string {
  return message.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}

let translate: Translate = format;
/** The language the sentences actually come out in: English unless a translation was loaded. */
let sentenceLanguage = 'en';

export function t(message: string, ...args: (string | number)[]): string {
  return translate(message, ...args);
}

/** `language` is the BCP 47 tag of the translation `next` uses, so lists join in the same language. */
export function useTranslator(next: Translate, language = 'en'): void {
  translate = next;
  sentenceLanguage = language;
}

/**
 * A label used inside a sentence: lower case where the sentence's language writes it so (English
 * "your effort"), as written where case carries meaning (German nouns keep their capital).
 */
export function inSentence(label: string): string {
  return sentenceLanguage.toLowerCase().startsWith('en') ? label.toLowerCase() : label;
}

/**
 * "a, b and c", joined as the sentence around it is written ("a, b und c" in German). A tag Intl
 * cannot read joins in English, the source language, rather than failing the sentence.
 */
export function listOf(items: readonly string[]): string {
  let list: Intl.ListFormat;
  try {
    list = new Intl.ListFormat(sentenceLanguage, { type: 'conjunction' });
  } catch {
    list = new Intl.ListFormat('en', { type: 'conjunction' });
  }
  return list.format(items);
}

/** A translator from a bundle of { English message: translation }, as VS Code writes them. */
export function fromBundle(bundle: Readonly<Record<string, string>> | undefined): Translate {
  if (!bundle) return format;
  return (message, ...args) => format(Object.hasOwn(bundle, message) ? (bundle[message] as string) : message, ...args);
}

/** "1 win" / "3 wins": counted nouns several sentences share, each form translated whole. */
export const winCount = (n: number): string => (n === 1 ? t('1 win') : t('{0} wins', n));
export const sessionCount = (n: number): string => (n === 1 ? t('1 session') : t('{0} sessions', n));

/** How many records of one journal collection, in the words the rest of the product uses for them. */
export function collectionCount(name: CollectionName, n: number): string {
  const one = n === 1;
  switch (name) {
    case 'domains':
      return one ? t('1 domain') : t('{0} domains', n);
    case 'sessions':
      return sessionCount(n);
    case 'cues':
      return one ? t('1 self-talk cue') : t('{0} self-talk cues', n);
    case 'ratings':
      return one ? t('1 can-do rating') : t('{0} can-do ratings', n);
    case 'reflections':
      return one ? t('1 weekly reflection') : t('{0} weekly reflections', n);
    case 'models':
      return one ? t('1 model') : t('{0} models', n);
    case 'encouragements':
      return one ? t('1 encouragement') : t('{0} encouragements', n);
  }
}
