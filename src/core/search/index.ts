/**
 * Search across every cookie of a store: the search language (`parseQuery`), the typed filters
 * (`SearchFilters`) and the test of one cookie (`matchCookie`). Pure, small and free of tldts, so
 * the manager page can import it.
 */
export { DAY_MS, hasFilters, NO_FILTERS, type SearchFilters, utf8Length, WEEK_MS } from './filters';
export { matchCookie } from './match';
export {
  EMPTY_QUERY,
  type ParsedQuery,
  parseQuery,
  type SearchField,
  type SearchQuery,
  type SearchTerm,
} from './query';
