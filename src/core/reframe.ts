/** Arousal signals and their reappraisal as readiness (Jamieson et al.: "my body is mobilising energy"). */
export const AROUSAL_REFRAMES: readonly { signal: string; reframe: string }[] = [
  { signal: 'Racing heart', reframe: 'My heart is pumping more oxygen to my brain: my body is mobilising energy for this.' },
  { signal: 'Tight chest or shallow breathing', reframe: 'My body is getting ready to act. One slow breath out, then the next step.' },
  { signal: 'Butterflies in my stomach', reframe: 'This is the same feeling as excitement: it means this matters to me.' },
  { signal: 'Sweaty or shaky hands', reframe: 'My body is primed and alert; the extra energy can go into the work.' },
  { signal: 'Restless, can\'t sit still', reframe: 'I have energy to spend: I will spend it on the next small step.' },
  { signal: 'Mind racing', reframe: 'My mind is scanning for what matters. I will write the next step down and do that one.' },
];
