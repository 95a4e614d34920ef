/**
 * Details of the highlight(s) at a click or at the caret: code, coder, time; change or remove.
 * They stay beside their passage as the page reflows or scrolls, and inside the window.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { focusText } from '../../commands/coding';
import { formatDateTime, useT } from '../../i18n/i18n';
import { anchorBox } from '../../commands/text';
import { closePopover } from '../../services/page';
import { adjustSegment, changeSegmentCode, removeSegment, setSegmentMemo } from '../../services/segments';
import { MemoField } from '../documents/MemoField';
import { placePopover } from './popover-placement';
import { getState, selectCodes, selectSegments, useStore } from '../../store';

/** Closes the details and gives the focus back to the text. */
function close(): void {
  closePopover();
  focusText();
}

/** Puts the details beside their place in the text; hidden while that place is scrolled out of view. */
function place(box: HTMLElement): void {
  const anchor = getState().popover?.anchor;
  const line = anchor === undefined ? null : anchorBox(anchor);
  if (!line) return;
  const placed = placePopover(line, { width: box.offsetWidth, height: box.scrollHeight }, { width: window.innerWidth, height: window.innerHeight });
  box.style.left = `${placed.left}px`;
  box.style.top = `${placed.top}px`;
  box.style.maxHeight = `${placed.maxHeight}px`;
  box.style.visibility = line.inView ? '' : 'hidden';
}

/** The details of the segment(s) at the caret or a click: a non-modal dialog beside their passage. */
export function SegmentPopover() {
  const t = useT();
  const popover = useStore((state) => state.popover);
  const segments = useStore(selectSegments);
  const codes = useStore(selectCodes);
  const box = useRef<HTMLDivElement>(null);
  const shown = popover ? segments.filter((s) => popover.segmentIds.includes(s.id)) : [];

  useEffect(() => {
    // From the keyboard the details are opened to recode, most often: the code's choice takes the focus.
    if (popover?.takeFocus) (box.current?.querySelector<HTMLElement>('select') ?? box.current?.querySelector<HTMLElement>('button'))?.focus();
  }, [popover?.segmentIds.join()]);

  const isOpen = !!popover && shown.length > 0;
  // Placed after every drawing (its height changes with its segments), and again whenever the
  // text moves under it: the window resized, the text scrolled, a panel opened beside it.
  useLayoutEffect(() => {
    if (box.current) place(box.current);
  });
  useEffect(() => {
    if (!isOpen) return;
    const follow = () => box.current && place(box.current);
    const text = document.querySelector('.document');
    const resizes = new ResizeObserver(follow);
    if (text) resizes.observe(text);
    window.addEventListener('resize', follow);
    window.addEventListener('scroll', follow, { capture: true, passive: true });
    // Escape closes the details from inside them, and also when the focus is nowhere (after a
    // click on their plain text); the text view handles its own Escape.
    const onEscape = (event: KeyboardEvent) => {
      const target = event.target as Node;
      if (event.key === 'Escape' && (target === document.body || box.current?.contains(target))) close();
    };
    window.addEventListener('keydown', onEscape);
    return () => {
      resizes.disconnect();
      window.removeEventListener('resize', follow);
      window.removeEventListener('scroll', follow, { capture: true });
      window.removeEventListener('keydown', onEscape);
    };
  }, [isOpen]);

  if (!isOpen) return null;
  return (
    <div className="popover" role="dialog" aria-modal="false" aria-label={t('coding.popover.label', { count: shown.length })} ref={box}>
      {shown.map((segment) => {
        const code = codes.find((c) => c.id === segment.codeId);
        return (
          <section key={segment.id} className={`popover-segment code-${segment.codeId}`} data-segment-id={segment.id}>
            <h3 dir="auto">
              <span className="swatch" aria-hidden="true" />
              {code?.name ?? segment.codeId}
            </h3>
            <p className="popover-meta">
              {t('coding.popover.by', { coder: segment.coder })}{' '}
              <time dateTime={segment.createdAt} title={segment.createdAt}>
                {formatDateTime(segment.createdAt)}
              </time>
              {segment.updatedAt !== segment.createdAt && (
                <>
                  {' '}
                  <time dateTime={segment.updatedAt}>{t('coding.popover.changed', { time: formatDateTime(segment.updatedAt) })}</time>
                </>
              )}
            </p>
            <blockquote className="popover-quote" dir="auto">{segment.quote}</blockquote>
            <MemoField
              value={segment.memo}
              label={t('coding.popover.memo')}
              onSave={(memo) => setSegmentMemo(segment.id, memo)}
            />
            <div className="popover-bounds" role="group" aria-label={t('coding.popover.bounds')}>
              <span>{t('coding.popover.start')}</span>
              <button type="button" aria-label={t('coding.popover.startEarlier')} onClick={() => adjustSegment(segment.id, 'start', -1, false)}>
                ◀
              </button>
              <button type="button" aria-label={t('coding.popover.startLater')} onClick={() => adjustSegment(segment.id, 'start', 1, false)}>
                ▶
              </button>
              <span>{t('coding.popover.end')}</span>
              <button type="button" aria-label={t('coding.popover.endEarlier')} onClick={() => adjustSegment(segment.id, 'end', -1, false)}>
                ◀
              </button>
              <button type="button" aria-label={t('coding.popover.endLater')} onClick={() => adjustSegment(segment.id, 'end', 1, false)}>
                ▶
              </button>
            </div>
            <div className="popover-actions">
              <label>
                {t('coding.popover.code')}{' '}
                <select
                  value={segment.codeId}
                  onChange={(event) => changeSegmentCode(segment.id, event.target.value)}
                  aria-label={t('coding.popover.changeCode')}
                >
                  {codes.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="danger" onClick={() => removeSegment(segment.id)}>
                {t('coding.popover.remove')}
              </button>
            </div>
          </section>
        );
      })}
      <button type="button" className="popover-close" onClick={close} aria-label={t('coding.popover.close')}>
        ×
      </button>
    </div>
  );
}
