/**
 * The execution's context: the spreadsheet the script is bound to and the account it runs as
 * (for a trigger, the user who installed it).
 */

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The master spreadsheet: the one the script is bound to. */
export function activeSpreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** The email of the account the script runs as, as Google returns it (may be ''). */
export function effectiveUserEmail(): string {
  return Session.getEffectiveUser().getEmail();
}

/** The email of the user at the keyboard, as Google returns it ('' when not disclosed). */
export function activeUserEmail(): string {
  return Session.getActiveUser().getEmail();
}
