/** Performance marks the pages set, read by `npm run bench`. */

/** Set once, when the first cookies are on screen ("popup open to rows shown"). */
export const ROWS_SHOWN_MARK = 'cookie-lens:rows-shown';
