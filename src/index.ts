/**
 * The public entry points of the Apps Script project. Only names live here; the build turns each
 * export into a top-level function Apps Script can see (scripts/build.mjs).
 */
export { onOpen, onInstall } from './ui/menu';
export { promptMonthlyNote, checkData } from './ui/menuActions';
export { setupSystem } from './jobs/setup';
export { handleFormSubmit, rebuildAll } from './jobs/intake';
export { runDailyJobs } from './jobs/daily';
export {
  showSidebar,
  getDashboard,
  getHealth,
  getSettings,
  saveSettings,
  generateNote,
  sendSummary,
  syncFormChoices,
} from './ui/sidebar';
export { refreshStatistics } from './jobs/statistics';
export { generateCertificates, previewCertificates } from './jobs/certificates';
export { getCertificatesPanel, showCertificates } from './ui/certificates';
export { generateMonthlyNote, sendMonthlySummary } from './jobs/summary';
export { closeSchoolYear } from './jobs/yearClose';
export { getYearClosePanel, showYearClose } from './ui/yearClose';
export { importPlan, generatePlanAnalysis, showPlanImport, promptPlanAnalysis } from './jobs/plan';
