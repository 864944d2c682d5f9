/**
 * Puts typed values back into a form that React emptied after a refused action: the action's
 * returned `values` where it gave them, else the FormData the form sent. Hidden fields keep
 * their own value; checkboxes and radios are checked by value.
 */
export function restoreFormValues(
  form: HTMLFormElement,
  values: Record<string, string> | undefined,
  sent: FormData | null,
): void {
  const valuesOf = (name: string): string[] =>
    values && name in values
      ? [values[name]!]
      : (sent?.getAll(name).filter((v): v is string => typeof v === 'string') ?? []);
  for (const element of Array.from(form.elements)) {
    if (
      !(element instanceof HTMLInputElement) &&
      !(element instanceof HTMLTextAreaElement) &&
      !(element instanceof HTMLSelectElement)
    )
      continue;
    if (!element.name || element.type === 'hidden' || element.type === 'password') continue;
    const typed = valuesOf(element.name);
    if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio'))
      element.checked = typed.includes(element.value);
    else if (typed.length) element.value = typed[0]!;
  }
}
