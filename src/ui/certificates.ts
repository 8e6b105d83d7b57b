/**
 * The certificates part of the sidebar and the menu: the events to choose from, the documents
 * still waiting, and the menu item that opens the sidebar at this section. Preview and making are
 * the public jobs previewCertificates / generateCertificates (jobs/certificates.ts).
 */
import { chooseEdition } from '../domain/certificates';
import { matchKey } from '../domain/text/clean';
import { formatDateNumeric } from '../domain/text/dates';
import { pendingCertificates } from '../jobs/certificates';
import { SIDEBAR_RU } from '../i18n/ru/sidebar';
import { requireStaff } from '../workspace/access';
import { readReference } from '../workspace/master';
import { openSidebar } from './sidebar';

/** What the certificates section shows. */
export interface CertificatesPanel {
  /** Each event name once (its latest edition), the most recent first. */
  events: { name: string; label: string }[];
  pending: { event: string; message: string }[];
}

/** The events of «Мероприятия» and the unfinished runs. */
export function getCertificatesPanel(): CertificatesPanel {
  const { spreadsheet } = requireStaff();
  const { events } = readReference(spreadsheet);
  const seen = new Set<string>();
  const latest = events
    .map((e) => chooseEdition(e.name, events, new Date())!.event)
    .filter((e) => {
      const key = matchKey(e.name);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (b.start?.getTime() ?? 0) - (a.start?.getTime() ?? 0));
  return {
    events: latest.map((e) => ({
      name: e.name,
      label: e.start
        ? SIDEBAR_RU.certificates.eventLabel(e.name, formatDateNumeric(e.start))
        : e.name,
    })),
    pending: pendingCertificates(),
  };
}

/** Menu «Грамоты и сертификаты…»: the sidebar, opened at its certificates section. */
export function showCertificates(): void {
  requireStaff();
  openSidebar('certificates');
}
