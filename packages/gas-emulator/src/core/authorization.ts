/**
 * What a simple trigger may not call. Simple triggers run without asking the user for
 * authorization (AuthMode.LIMITED), so "they can't access services that require authorization"
 * and "can modify the file they are bound to, but cannot access other files"
 * (developers.google.com/apps-script/guides/triggers#restrictions). The scope each call needs is
 * the one its reference page lists under "Authorization"; the message's wording is Apps Script's
 * as scripts see it (taken from observed failures, not from a reference page).
 */

/** Calls (or whole services, by prefix ending in '.') that need authorization, and their scope. */
const NEEDS_AUTHORIZATION: [string, string][] = [
  ['MailApp.', 'https://www.googleapis.com/auth/script.send_mail'],
  ['GmailApp.', 'https://mail.google.com/'],
  ['DriveApp.', 'https://www.googleapis.com/auth/drive'],
  ['UrlFetchApp.', 'https://www.googleapis.com/auth/script.external_request'],
  ['ScriptApp.newTrigger', 'https://www.googleapis.com/auth/script.scriptapp'],
  ['ScriptApp.getProjectTriggers', 'https://www.googleapis.com/auth/script.scriptapp'],
  ['ScriptApp.getUserTriggers', 'https://www.googleapis.com/auth/script.scriptapp'],
  ['ScriptApp.deleteTrigger', 'https://www.googleapis.com/auth/script.scriptapp'],
  ['SpreadsheetApp.openById', 'https://www.googleapis.com/auth/spreadsheets'],
  ['SpreadsheetApp.openByUrl', 'https://www.googleapis.com/auth/spreadsheets'],
  ['SpreadsheetApp.create', 'https://www.googleapis.com/auth/spreadsheets'],
  ['DocumentApp.openById', 'https://www.googleapis.com/auth/documents'],
  ['DocumentApp.openByUrl', 'https://www.googleapis.com/auth/documents'],
  ['DocumentApp.create', 'https://www.googleapis.com/auth/documents'],
  ['FormApp.openById', 'https://www.googleapis.com/auth/forms'],
  ['FormApp.openByUrl', 'https://www.googleapis.com/auth/forms'],
  ['FormApp.create', 'https://www.googleapis.com/auth/forms'],
];

/** Apps Script's message when a call needs authorization the execution lacks, or null if it does not. */
export function permissionError(call: string): string | null {
  for (const [name, scope] of NEEDS_AUTHORIZATION) {
    const matches = name.endsWith('.') ? call.startsWith(name) : call === name;
    if (matches)
      return `You do not have permission to call ${call}. Required permissions: ${scope}`;
  }
  return null;
}
