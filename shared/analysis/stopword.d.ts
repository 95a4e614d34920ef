/** The stopword package's lists (ISO 639-3 names, each an array of lowercase words); it ships no types. */
declare module 'stopword' {
  const lists: Record<string, string[] | ((...args: unknown[]) => unknown)>;
  export = lists;
}
