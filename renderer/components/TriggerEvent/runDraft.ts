import { counted } from '../../../shared/counted';
import { TRIGGER_RUN_MAX_RATE, TRIGGER_RUN_MAX_REPEAT } from '../../../shared/limits';
import { formatCount } from '../../format';

/** What the "Repeat / load" fields hold, as typed. */
export type RunDraft = { repeat: string; rate: string; duplicate: boolean; shuffle: boolean };

export const defaultRunDraft: RunDraft = { repeat: '10', rate: '', duplicate: false, shuffle: false };

export type CheckedRun = {
  repeat: number | null;
  /** Deliveries a second, across all the webhooks; undefined sends all at once. */
  rate: number | undefined;
  repeatError: string | null;
  rateError: string | null;
};

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** The fields as numbers, or for each what to fix, before the core is asked (it checks the same bounds). */
export function checkRun(draft: RunDraft): CheckedRun {
  const repeatText = draft.repeat.trim();
  const repeat = Number(repeatText);
  let repeatError: string | null = null;
  if (repeatText === '') repeatError = `Say how many times to send, from 1 to ${formatCount(TRIGGER_RUN_MAX_REPEAT)}.`;
  else if (!NUMBER.test(repeatText)) repeatError = `Repeat takes a whole number such as 100, not “${repeatText}”.`;
  else if (!Number.isInteger(repeat))
    repeatError = `Repeat takes a whole number, without decimals (${Math.floor(repeat)} or ${Math.ceil(repeat)}).`;
  else if (repeat < 1) repeatError = 'Repeat at least once: enter 1 or more.';
  else if (repeat > TRIGGER_RUN_MAX_REPEAT)
    repeatError = `One run sends at most ${formatCount(TRIGGER_RUN_MAX_REPEAT)} times; lower the repeat.`;

  const rateText = draft.rate.trim().replace(/\s*\/\s*s$/, '');
  const rate = Number(rateText);
  let rateError: string | null = null;
  if (rateText !== '' && !NUMBER.test(rateText))
    rateError = 'The rate is deliveries a second, such as 50; leave it empty to send all at once.';
  else if (rateText !== '' && rate <= 0) rateError = 'The rate must be above 0 a second; leave it empty to send all at once.';
  else if (rate > TRIGGER_RUN_MAX_RATE) rateError = `At most ${formatCount(TRIGGER_RUN_MAX_RATE)} a second.`;

  return {
    repeat: repeatError ? null : repeat,
    rate: rateError || rateText === '' ? undefined : rate,
    repeatError,
    rateError,
  };
}

/** The main button's words: what a click sends, e.g. "Send 200 deliveries at 50/s to 2 webhooks". */
export function runButtonLabel(draft: RunDraft, checked: CheckedRun, hooks: number): string {
  if (checked.repeat === null) return 'Send run';
  const deliveries = checked.repeat * (draft.duplicate ? 2 : 1) * hooks;
  const pace = checked.rate === undefined ? 'all at once' : `at ${formatCount(checked.rate)}/s`;
  return `Send ${counted(deliveries, 'delivery', 'deliveries')} ${pace} to ${counted(hooks, 'webhook')}`;
}
