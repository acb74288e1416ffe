import { t } from '../l10n';

/** Arousal signals and their reappraisal as readiness (Jamieson et al.: "my body is mobilising energy"). */
export function arousalReframes(): { signal: string; reframe: string }[] {
  return [
    { signal: t('Racing heart'), reframe: t('My heart is pumping more oxygen to my brain: my body is mobilising energy for this.') },
    { signal: t('Tight chest or shallow breathing'), reframe: t('My body is getting ready to act. One slow breath out, then the next step.') },
    { signal: t('Butterflies in my stomach'), reframe: t('This is the same feeling as excitement: it means this matters to me.') },
    { signal: t('Sweaty or shaky hands'), reframe: t('My body is primed and alert; the extra energy can go into the work.') },
    { signal: t("Restless, can't sit still"), reframe: t('I have energy to spend: I will spend it on the next small step.') },
    { signal: t('Mind racing'), reframe: t('My mind is scanning for what matters. I will write the next step down and do that one.') },
  ];
}
