/**
 * Work that waits until the frame being drawn is on screen: what a key press changes beside the
 * text (the panels, the save request) is done after the frame that shows the highlight, so that
 * the frame holds the highlight alone.
 */

/** At most this long a wait for a frame (none come while the window is hidden). */
const FRAME_WAIT_MS = 100;

/**
 * Runs `work` in a task of its own once the next frame has been drawn (a task posted from the
 * frame's callbacks runs after its paint), or after FRAME_WAIT_MS when no frame comes.
 */
export function afterNextFrame(work: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    work();
  };
  const fallback = setTimeout(run, FRAME_WAIT_MS);
  // Where nothing draws frames (a page without them, the services run under Node), at once after this task.
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  else setTimeout(run, 0);
}
