/**
 * The year-close part of the sidebar and the menu: which school year to offer and whether it is
 * closed. Preview and close are the public job closeSchoolYear (jobs/yearClose.ts).
 */
import { closeAllowedFrom } from '../domain/yearClose';
import { formatSchoolYearShort, schoolYearOf } from '../domain/text/periods';
import { requireStaff } from '../workspace/access';
import { closedYears } from '../workspace/archive';
import { openSidebar } from './sidebar';

/** What the year-close section shows. */
export interface YearClosePanel {
  /** «2021/2022»: the latest school year that can be closed now (or soonest). */
  schoolYear: string;
  closed: boolean;
}

/** The school year to offer: the current one from 1 June, else the previous one. */
export function getYearClosePanel(): YearClosePanel {
  requireStaff();
  const now = new Date();
  let year = schoolYearOf(now);
  if (now.getTime() < closeAllowedFrom(year).getTime()) year--;
  return { schoolYear: formatSchoolYearShort(year), closed: closedYears().includes(year) };
}

/** Menu «Закрыть учебный год…»: the sidebar, opened at its year-close section. */
export function showYearClose(): void {
  requireStaff();
  openSidebar('yearclose');
}
