/** Performance marks the pages set, read by `npm run bench`. */

/** Set once, when the first cookies are on screen ("popup open to rows shown"). */
export const ROWS_SHOWN_MARK = 'cookie-lens:rows-shown';

/** Set once, in the first task after the frame that painted those rows (`requestAnimationFrame`, then a task). */
export const ROWS_PAINTED_MARK = 'cookie-lens:rows-painted';
