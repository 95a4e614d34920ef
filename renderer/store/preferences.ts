/** Preferences kept in this browser profile (the page's local storage), read and written safely. */

/** A value kept under `key`, or null when none is kept or storage is refused. */
export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Keeps `value` under `key`; where storage is refused (a private window), it lasts for this session only. */
export function writeStored(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Refused: the caller still has the value for this session.
  }
}

/** A yes/no preference as kept, or `fallback` when it is not kept or storage is refused. */
export function readPreference(name: string, fallback: boolean): boolean {
  const value = readStored(`workbench-${name}`);
  return value === null ? fallback : value === 'true';
}

export function writePreference(name: string, value: boolean): void {
  writeStored(`workbench-${name}`, String(value));
}
