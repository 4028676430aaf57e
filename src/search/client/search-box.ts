/** The header's search box: a plain GET form to the search page, guarded against an IME's Enter. */
import { guardComposition } from './composition.ts';

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-box]')) {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (input) guardComposition(form, input);
}
