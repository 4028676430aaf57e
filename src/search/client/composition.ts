/**
 * Pinyin and other input methods compose text before it is typed: the Enter
 * that picks a candidate must not submit the search, and nothing may be
 * searched for until the composition ends. Some browsers fire
 * `compositionend` before that Enter's `keydown`, which then carries
 * keyCode 229, so both are checked.
 */
export interface CompositionState {
  readonly composing: boolean;
}

const IME_KEY_CODE = 229;

/** Guards `form` against submitting while `input` is composing; reports the state. */
export function guardComposition(form: HTMLFormElement, input: HTMLInputElement): CompositionState {
  const state = { composing: false };
  input.addEventListener('compositionstart', () => {
    state.composing = true;
  });
  input.addEventListener('compositionend', () => {
    state.composing = false;
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (state.composing || event.isComposing || event.keyCode === IME_KEY_CODE)) event.preventDefault();
  });
  form.addEventListener('submit', (event) => {
    if (state.composing) event.preventDefault();
  });
  return state;
}
