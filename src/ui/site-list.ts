/**
 * The list as the DevTools panel shows it: one section per site of the page (the top-level site and
 * each third-party frame's), each with its rows grouped. The panel hands these to the workbench; the
 * popup, whose page is never grouped by site, does not load them.
 */
import type { TabCookies } from '../messages';
import {
  firstGroups,
  hasSites,
  type ListView,
  pageListView,
  type SiteSection,
  type ViewOptions,
  groupRows,
} from './model';

/** The list as shown: `sections` when the data is grouped by site, and every group in order. */
export function listView(data: TabCookies, options: ViewOptions): ListView {
  if (!hasSites(data)) return pageListView(data, options);
  const sections = data.sites.map((site) => ({
    site: site.site,
    label: site.label,
    summary: site.summary,
    groups: groupRows(site.cookies, site.findings, options),
  }));
  return { sections, groups: sections.flatMap((s) => s.groups) };
}

/**
 * The first `limit` rows of the list, in order (see `firstGroups`): sections and groups past the
 * limit are left out, not shown empty.
 */
export function firstRows(view: ListView, limit: number): ListView {
  if (!view.sections) return { sections: undefined, groups: firstGroups(view.groups, limit) };
  let left = limit;
  const sections: SiteSection[] = [];
  for (const section of view.sections) {
    if (left <= 0) break;
    sections.push({ ...section, groups: firstGroups(section.groups, left) });
    for (const group of section.groups) left -= group.rows.length;
  }
  return { sections, groups: sections.flatMap((s) => s.groups) };
}
