/**
 * Runs `callback` in a task after the next frame the page paints (a `requestAnimationFrame`, then a
 * task), so work that can wait (the rest of a long list) never holds up a frame that is still to
 * come. Preact's effects are no such guarantee: they run 35 ms after a render even when no frame
 * came, and the DevTools panel's first frame often comes later than that while its page is busy.
 * Without frames (a page in the background, a test DOM without them) it runs after `fallbackMs`.
 * Returns a function that cancels it.
 */
export function afterNextPaint(callback: () => void, fallbackMs = 500): () => void {
  let task: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  const run = () => {
    clearTimeout(fallback);
    if (frame !== undefined) cancelAnimationFrame(frame);
    task = setTimeout(callback);
  };
  const fallback = setTimeout(run, fallbackMs);
  if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(run);
  return () => {
    clearTimeout(fallback);
    clearTimeout(task);
    if (frame !== undefined) cancelAnimationFrame(frame);
  };
}
