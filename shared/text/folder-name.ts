/**
 * A folder or file name made from a name a researcher typed (a project's, for its folder and its
 * archive): no slashes, no control characters or characters Windows refuses in names, no leading
 * dots, no trailing dots or spaces, at most 80 characters. The page prefills the folder name with
 * it; the main process makes it again from what it is sent.
 */
export function folderNameFor(name: string, fallback = 'Project'): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[. ]+/, '')
    .replace(/[. ]+$/, '')
    .slice(0, 80)
    .trim();
  return cleaned || fallback;
}
