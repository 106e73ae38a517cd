/** The import and export dialogs, loaded on demand (they bring the formats code with them). */
export { ExportPanel } from './export-panel';
export { ImportDialog } from './import-dialog';
