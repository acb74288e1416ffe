/**
 * The key under which two user texts count as the same: "Slack pings." and " slack  pings" are one
 * cue or one tweak, so a pattern is not split by how it happened to be typed that day.
 */
export function sameTextKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.,;:!?…]+$/u, '');
}
