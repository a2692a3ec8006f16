import type { Field, OptionsState } from './controller';

/** Feedback sits beside the field it is about, and is read out when it changes. */
export function FieldFeedback({ state, field }: { state: OptionsState; field: Field }) {
  const feedback = state.feedback?.field === field ? state.feedback : null;
  return (
    <p class={`feedback ${feedback?.kind ?? ''}`} role={feedback?.kind === 'error' ? 'alert' : 'status'}>
      {feedback?.text ?? ''}
    </p>
  );
}
