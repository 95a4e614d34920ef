/** The activity bar's icons: small line drawings in the text's colour, hidden from screen readers (the buttons are named). */
import type { SidePanel } from '../../store/workspace';

const PATHS: Record<SidePanel | 'settings', string> = {
  documents: 'M6 3h8l4 4v14H6z M14 3v4h4 M9 12h6 M9 16h6',
  codebook: 'M3 12V4h8l10 10-8 8z M7.5 7.5h.01',
  search: 'M10 4a6 6 0 1 0 0 12a6 6 0 1 0 0-12z M14.5 14.5 20 20',
  segments: 'M4 6h2 M9 6h11 M4 12h2 M9 12h11 M4 18h2 M9 18h11',
  // A light bulb: ideas offered, not applied.
  suggestions: 'M9 18h6 M10 21h4 M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z',
  analysis: 'M3 20h18 M6 20v-8 M12 20V5 M18 20v-11',
  agreement: 'M9 6a6 6 0 1 0 0 12a6 6 0 1 0 0-12z M15 6a6 6 0 1 0 0 12a6 6 0 1 0 0-12z',
  settings: 'M4 7h10 M18 7h2 M4 17h2 M10 17h10 M16 5v4 M8 15v4',
};

/** The icon of a side panel (or of the settings). */
export function Icon(props: { name: SidePanel | 'settings' }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path d={PATHS[props.name]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
