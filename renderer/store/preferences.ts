/** Preferences kept in this browser profile (the page's local storage), read and written safely. */

/** A preference as kept, or `fallback` when it is not kept or storage is refused. */
export function readPreference(name: string, fallback: boolean): boolean {
  try {
    const value = localStorage.getItem(`workbench-${name}`);
    return value === null ? fallback : value === 'true';
  } catch {
    return fallback;
  }
}

export function writePreference(name: string, value: boolean): void {
  try {
    localStorage.setItem(`workbench-${name}`, String(value));
  } catch {
    // Storage refused (a private window): the preference lasts for this session only.
  }
}
