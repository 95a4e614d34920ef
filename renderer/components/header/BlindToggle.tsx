/** Blind coding: only the current coder's segments are shown while coding. */
import { setBlind } from '../../services/coders';
import { selectBlind, useStore } from '../../store';

export function BlindToggle() {
  const blind = useStore(selectBlind);
  return (
    <button
      type="button"
      aria-pressed={blind}
      onClick={() => void setBlind(!blind)}
      data-action="blind"
      title="Blind coding: show only your own segments"
    >
      Blind
    </button>
  );
}
