/** Details of the highlight(s) at a click or at the caret: code, coder, time; change or remove. */
import { useEffect, useRef } from 'react';
import { adjustSegment, changeSegmentCode, closePopover, removeSegment, runAction } from '../actions';
import { api } from '../api-client';
import { MemoField } from './MemoField';
import { selectCodes, selectSegments, useStore } from '../store';
import { focusText } from '../text-view/TextView';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function SegmentPopover() {
  const popover = useStore((state) => state.popover);
  const segments = useStore(selectSegments);
  const codes = useStore(selectCodes);
  const box = useRef<HTMLDivElement>(null);
  const shown = popover ? segments.filter((s) => popover.segmentIds.includes(s.id)) : [];

  useEffect(() => {
    if (popover?.takeFocus) box.current?.querySelector<HTMLElement>('select, button')?.focus();
  }, [popover?.segmentIds.join()]);

  if (!popover || shown.length === 0) return null;
  const close = () => {
    closePopover();
    focusText();
  };
  const left = Math.min(popover.left, window.innerWidth - 340);
  const top = Math.min(popover.top + 8, window.innerHeight - 60 - 110 * shown.length);
  return (
    <div
      className="popover"
      role="dialog"
      aria-label="Coded segment"
      ref={box}
      style={{ left: Math.max(8, left), top: Math.max(8, top) }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
    >
      {shown.map((segment) => {
        const code = codes.find((c) => c.id === segment.codeId);
        return (
          <section key={segment.id} className={`popover-segment code-${segment.codeId}`} data-segment-id={segment.id}>
            <h3>
              <span className="swatch" aria-hidden="true" />
              {code?.name ?? segment.codeId}
            </h3>
            <p className="popover-meta">
              by {segment.coder},{' '}
              <time dateTime={segment.createdAt} title={segment.createdAt}>
                {timeFormat.format(new Date(segment.createdAt))}
              </time>
              {segment.updatedAt !== segment.createdAt && (
                <>
                  {' '}
                  (changed <time dateTime={segment.updatedAt}>{timeFormat.format(new Date(segment.updatedAt))}</time>)
                </>
              )}
            </p>
            <blockquote className="popover-quote">{segment.quote}</blockquote>
            <MemoField
              value={segment.memo}
              label="Memo"
              onSave={(memo) => runAction(api.setSegmentMemo({ segmentId: segment.id, memo }))}
            />
            <div className="popover-bounds" role="group" aria-label="Boundaries">
              <span>Start</span>
              <button type="button" aria-label="Start one character earlier" onClick={() => adjustSegment(segment.id, 'start', -1, false)}>
                ◀
              </button>
              <button type="button" aria-label="Start one character later" onClick={() => adjustSegment(segment.id, 'start', 1, false)}>
                ▶
              </button>
              <span>End</span>
              <button type="button" aria-label="End one character earlier" onClick={() => adjustSegment(segment.id, 'end', -1, false)}>
                ◀
              </button>
              <button type="button" aria-label="End one character later" onClick={() => adjustSegment(segment.id, 'end', 1, false)}>
                ▶
              </button>
            </div>
            <div className="popover-actions">
              <label>
                Code{' '}
                <select
                  value={segment.codeId}
                  onChange={(event) => changeSegmentCode(segment.id, event.target.value)}
                  aria-label="Change code"
                >
                  {codes.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="danger" onClick={() => removeSegment(segment.id)}>
                Remove
              </button>
            </div>
          </section>
        );
      })}
      <button type="button" className="popover-close" onClick={close} aria-label="Close">
        ×
      </button>
    </div>
  );
}
