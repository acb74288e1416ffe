import { cuesByUse, cueUses } from '../../core/records/journal';
import { useCue } from '../actions/inSession';
import type { CueChoice } from '../../core/practices/answers';
import { present } from './present';
import { clip } from '../../core/text';
import { findOutcomePhrasing, instructionProblem } from '../../core/practices/selfTalk';
import type { Cue } from '../../core/records/schema';
import type { Services } from '../services';
import { askText, textProblem } from './prompts';
import type { PickItem } from '../platform/ui';
import { t } from '../../core/l10n';

const TURN_WORRY = Symbol('worry');
const NO_CUE = Symbol('none');

/**
 * One box: type the next step as an instruction and press Enter, or pick a saved cue, or turn a hope
 * or worry into an instruction. Returns the choice (the action saves it and counts its use), or
 * undefined when cancelled or declined.
 */
export async function chooseCue(ctx: Services, o: { title: string; optional: boolean }): Promise<CueChoice | undefined> {
  const items: PickItem<Cue | symbol>[] = [];
  if (o.optional) items.push({ label: t('No cue this time'), value: NO_CUE });
  items.push({ icon: 'comment-discussion', label: t('Turn a hope or worry into an instruction…'), value: TURN_WORRY });
  for (const cue of cuesByUse(ctx.store.live)) {
    items.push({
      label: cue.instruction,
      description: t('used {0}×', cueUses(cue)),
      ...(cue.hope ? { detail: t('instead of "{0}"', clip(cue.hope, 80)) } : {}),
      value: cue,
    });
  }
  const what = t('an instruction');
  const composed = await ctx.ui.compose<Cue | symbol>({
    title: o.title,
    placeholder: t('Instructional self-talk: type the next step as an instruction to yourself, or pick a saved cue'),
    items,
    buttons: [],
    typedHint: t('use this instruction'),
    validate: (typed) => textProblem(what)(typed) ?? instructionProblem(typed.trim()),
  });
  if (!composed || composed.kind === 'button') return undefined;
  if (composed.kind === 'text') return { kind: 'new', instruction: composed.text };
  const picked = composed.value;
  if (picked === NO_CUE) return undefined;
  if (typeof picked !== 'symbol') return { kind: 'existing', id: picked.id };
  const hope = await askText(ctx, {
    title: o.title,
    prompt: t('What are you hoping for or worried about? Write it as it sounds in your head.'),
    placeholder: t("I hope I don't break prod"),
    what: t('the hope or worry'),
  });
  if (hope === undefined) return undefined;
  const phrase = findOutcomePhrasing(hope);
  const instruction = await askText(ctx, {
    title: o.title,
    prompt: phrase
      ? t('"{0}" is about the outcome. What is the next mechanical step you can take?', phrase)
      : t('What is the next mechanical step? Say it as an instruction to yourself.'),
    placeholder: t('Run the migration on staging first, read the diff line by line'),
    what,
    extra: instructionProblem,
  });
  if (instruction === undefined) return undefined;
  return { kind: 'new', instruction, hope };
}

/** The "Instructional Self-Talk" command: a cue, attached to the running session if there is one. */
export async function selfTalk(ctx: Services): Promise<void> {
  const cue = await chooseCue(ctx, { title: t('Small Wins: Instructional Self-Talk'), optional: false });
  if (!cue) return;
  present(ctx, (await useCue(ctx, cue)).notices);
}
