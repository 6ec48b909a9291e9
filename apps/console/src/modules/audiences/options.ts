/** Select/AutoComplete options of values seen in the data, and a case-insensitive contains filter. */
export function valueOptions(values: readonly unknown[]): { value: string; label: string }[] {
  const texts = values
    .filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v))
    .map(String);
  return [...new Set(texts)].map((v) => ({ value: v, label: v }));
}

export function containsFilter(input: string, option?: { value?: unknown }): boolean {
  return String(option?.value ?? '')
    .toLowerCase()
    .includes(input.toLowerCase());
}
