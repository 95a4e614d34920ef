/** Blind coding: only the current coder's segments are shown while coding. */
import { useT } from '../../i18n/i18n';
import { setBlind } from '../../services/coders';
import { selectBlind, useStore } from '../../store';

export function BlindToggle() {
  const t = useT();
  const blind = useStore(selectBlind);
  return (
    <button type="button" aria-pressed={blind} onClick={() => void setBlind(!blind)} data-action="blind" title={t('workspace.status.blindTitle')}>
      {t('workspace.status.blind')}
    </button>
  );
}
