/** A list of CSS selectors tried in order: what every host's selectors file is made of. */
export type SelectorList = readonly string[];

/** A list's selectors with `{api}` filled in (a field's API name, a property's internal name). */
export function withApiName(list: SelectorList, api: string): string[] {
  return list.map((s) => s.replaceAll('{api}', api));
}
