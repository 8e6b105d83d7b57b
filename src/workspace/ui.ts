/**
 * The editor's user interface: the menu, alerts, the sidebar and dialogs. The pages are HTML files
 * of the project (src/ui/*.html, their clients bundled in by the build), never strings made here.
 */

/** A menu item calling a public function by name, or a separator. */
export type MenuEntry = { caption: string; functionName: string } | 'separator';

/** True when the script runs before the user authorised it (an add-on's onOpen in AuthMode.NONE). */
export function isUnauthorised(e?: GoogleAppsScript.Events.SheetsOnOpen): boolean {
  return e !== undefined && e.authMode === ScriptApp.AuthMode.NONE;
}

/** Adds a menu: the add-on menu when `addon` (the only one allowed before authorisation). */
export function addMenu(title: string, entries: readonly MenuEntry[], addon: boolean): void {
  const ui = SpreadsheetApp.getUi();
  const menu = addon ? ui.createAddonMenu() : ui.createMenu(title);
  for (const entry of entries) {
    if (entry === 'separator') menu.addSeparator();
    else menu.addItem(entry.caption, entry.functionName);
  }
  menu.addToUi();
}

/** A message box with an OK button. */
export function alert(text: string): void {
  SpreadsheetApp.getUi().alert(text);
}

/** Shows the HTML file `file` as the sidebar, its template variables set from `vars`. */
export function showSidebarFile(file: string, vars: Record<string, unknown>, title: string): void {
  const template = HtmlService.createTemplateFromFile(file);
  Object.assign(template, vars);
  SpreadsheetApp.getUi().showSidebar(template.evaluate().setTitle(title));
}

/** Shows the HTML file `file` (no template variables) in a modal dialog. */
export function showDialogFile(file: string, title: string, width: number, height: number): void {
  SpreadsheetApp.getUi().showModalDialog(
    HtmlService.createHtmlOutputFromFile(file).setWidth(width).setHeight(height),
    title,
  );
}
