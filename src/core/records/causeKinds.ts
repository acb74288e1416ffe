/** What a review can credit, in the order it is offered. Without zod, so a webview can list them without the schemas' weight. */
export const CAUSE_KINDS = ['effort', 'strategy', 'preparation', 'ability', 'luck', 'taskEase', 'otherPeople', 'assistant', 'other'] as const;
