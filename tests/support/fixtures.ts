/**
 * The hard cases, held once: texts with astral characters (emoji), combining marks, CRLF line
 * ends, a BOM, non-breaking spaces and right-to-left text. Tests write them as real files.
 */
export const FIXTURE_TEXTS: Record<string, string> = {
  'emoji.txt': 'Rally 🇦🇲 today 😀!\nThey said: "peace 🕊 now", then left.\n\nLast line 👍🏽 done',
  'combining.txt': 'Café vs Cafe\u0301 — re\u0301sume\u0301\nSecond line with n\u0303 and a\u0308.',
  'crlf.txt': 'First line\r\nSecond, with "quotes"\r\n\r\nFourth = formula?\r\n-minus start\r\n@at start',
  'bom.txt': '\uFEFFTitle after a BOM\n\nBody text here.',
  'nbsp.txt': '\n\n  Leading blank lines\u00A0and NBSP\u00A0\u00A0twice\n   three spaces   inside   ',
  'rtl.txt': 'English then עברית כאן and العربية هنا.\nMixed 123 ٤٥٦ numbers.',
};

/**
 * One document mixing scripts and directions, with CRLF line ends: English, an Arabic line, a
 * Hebrew line, an Armenian line, and a line with an emoji family joined by zero-width joiners and
 * a letter with a combining accent.
 */
export const MIXED_SCRIPTS_LINES = [
  'Mixed scripts, one line each.',
  'قال الشاهد إن الحرب بدأت فجأة في الصباح.',
  'העד אמר שהמלחמה החלה בבוקר.',
  'Վկան ասաց, որ պատերազմը սկսվեց առավոտյան։',
  'A family 👩\u200D👩\u200D👧 fled the cafe\u0301 at dawn.',
];
export const MIXED_SCRIPTS = MIXED_SCRIPTS_LINES.join('\r\n');
