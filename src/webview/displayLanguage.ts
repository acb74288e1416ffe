/**
 * VS Code's display language, which the host writes into `<html lang>`: the dashboard follows it
 * rather than the browser's own language. Undefined when the page has none Intl can read.
 */
export function displayLocale(): string | undefined {
  const tag = document.documentElement.lang;
  try {
    return tag ? Intl.getCanonicalLocales(tag)[0] : undefined;
  } catch {
    return undefined;
  }
}
