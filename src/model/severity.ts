/** How much an audit finding or a Set-Cookie header note matters. */
export type Severity = 'high' | 'medium' | 'low' | 'info';

/** Every severity, most serious first. */
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low', 'info'];
