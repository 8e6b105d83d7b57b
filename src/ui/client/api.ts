/** The one typed bridge to the server: google.script.run as promises, one error path. */
import type * as Server from '../sidebar';
import type * as Certificates from '../certificates';
import type * as CertificateJobs from '../../jobs/certificates';
import type * as YearCloseJobs from '../../jobs/yearClose';
import type * as YearClose from '../yearClose';
import type * as Plan from '../../jobs/plan';

/** The server functions the sidebar and the dialogs may call, with their real signatures. */
export interface ServerApi {
  getDashboard: typeof Server.getDashboard;
  getHealth: typeof Server.getHealth;
  getSettings: typeof Server.getSettings;
  saveSettings: typeof Server.saveSettings;
  generateNote: typeof Server.generateNote;
  sendSummary: typeof Server.sendSummary;
  syncFormChoices: typeof Server.syncFormChoices;
  getCertificatesPanel: typeof Certificates.getCertificatesPanel;
  previewCertificates: typeof CertificateJobs.previewCertificates;
  generateCertificates: typeof CertificateJobs.generateCertificates;
  closeSchoolYear: typeof YearCloseJobs.closeSchoolYear;
  getYearClosePanel: typeof YearClose.getYearClosePanel;
  importPlan: typeof Plan.importPlan;
}

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
}

declare const google: { script: { run: ScriptRunner } };

/** Calls a server function; rejects with an Error carrying the server's own message. */
export function call<K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler((error) =>
        reject(error instanceof Error ? error : new Error(String(error))),
      ) as unknown as Record<K, (...a: unknown[]) => void>;
    runner[name](...args);
  });
}

/** The server's message of a failed call, without the «Error: » prefix some paths add. */
export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^(Exception|Error):\s*/, '');
}
