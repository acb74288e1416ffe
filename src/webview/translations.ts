import { fromBundle, useTranslator } from '../core/l10n';
import { displayLocale } from './displayLanguage';

/**
 * The host puts the translations VS Code loaded into the page (see dashboardProvider.ts). Imported
 * first by main.ts, so every string the dashboard builds is translated. Anything that is not a map
 * of strings is ignored: the dashboard then speaks English, the source language.
 */
function readTranslations(): Record<string, string> | undefined {
  try {
    const parsed: unknown = JSON.parse(document.getElementById('translations')?.textContent ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const entries = Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string');
    return Object.fromEntries(entries);
  } catch {
    return undefined;
  }
}

const translations = readTranslations();
// Lists join in the language of the words around them: the display language when it has
// translations, English (the source) when it has none.
const translated = translations !== undefined && Object.keys(translations).length > 0;
useTranslator(fromBundle(translations), (translated && displayLocale()) || 'en');
