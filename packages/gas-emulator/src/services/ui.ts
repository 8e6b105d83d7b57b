/**
 * The user interface of an open editor (developers.google.com/apps-script/reference/base/ui):
 * what SpreadsheetApp.getUi(), DocumentApp.getUi() and FormApp.getUi() hand a bound script.
 * Menus, sidebars, dialogs and alerts are recorded on the project for the harness to read.
 */
import { asEnum, makeEnum } from '../core/enums';
import { asGas, Fake, stubInterface } from '../core/errors';
import type { Ctx } from '../core/world';
import { record } from '../core/world';

/** Ui.Button / Ui.ButtonSet. */
export const Button = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
export const ButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);

/** A menu being built (ui#createmenucaption). */
export class Menu implements Fake<GoogleAppsScript.Base.Menu, Menu> {
  readonly items: { caption: string; functionName: string }[] = [];

  constructor(
    private readonly ctx: Ctx,
    readonly title: string,
  ) {}

  /** Adds an item calling a global function by name. */
  addItem(caption: string, functionName: string): GoogleAppsScript.Base.Menu {
    record(this.ctx, 'Menu.addItem');
    this.items.push({ caption, functionName });
    return asGas(this);
  }

  /** Adds a separator (recorded as an item with no function). */
  addSeparator(): GoogleAppsScript.Base.Menu {
    record(this.ctx, 'Menu.addSeparator');
    this.items.push({ caption: '---', functionName: '' });
    return asGas(this);
  }

  /** Adds a submenu's items, captions prefixed by the submenu title. */
  addSubMenu(menu: GoogleAppsScript.Base.Menu): GoogleAppsScript.Base.Menu {
    record(this.ctx, 'Menu.addSubMenu');
    const sub = menu as unknown as Menu;
    for (const item of sub.items)
      this.items.push({
        caption: `${sub.title} > ${item.caption}`,
        functionName: item.functionName,
      });
    return asGas(this);
  }

  /** Shows the menu: recorded in the project's menus (replacing one of the same title). */
  addToUi(): void {
    record(this.ctx, 'Menu.addToUi');
    const menus = this.ctx.project.menus;
    const i = menus.findIndex((m) => m.title === this.title);
    const entry = { title: this.title, items: [...this.items] };
    if (i >= 0) menus[i] = entry;
    else menus.push(entry);
  }
}
stubInterface(Menu, 'Base.Menu');

/** An editor's Ui: menus, sidebars, dialogs, alerts, recorded on the project. */
export class Ui implements Fake<GoogleAppsScript.Base.Ui, Ui> {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(private readonly ctx: Ctx) {}

  /** A new top-level menu. */
  createMenu(caption: string): GoogleAppsScript.Base.Menu {
    record(this.ctx, 'Ui.createMenu');
    return asGas(new Menu(this.ctx, caption));
  }

  /** The add-on's menu under Extensions (recorded with the title 'Add-on'). */
  createAddonMenu(): GoogleAppsScript.Base.Menu {
    record(this.ctx, 'Ui.createAddonMenu');
    return asGas(new Menu(this.ctx, 'Add-on'));
  }

  /** Shows a sidebar: its evaluated HTML is recorded (harness lastSidebar()). */
  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    record(this.ctx, 'Ui.showSidebar');
    this.ctx.project.sidebars.push(contentOf(userInterface));
  }

  /** Shows a modal dialog: recorded. */
  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    record(this.ctx, 'Ui.showModalDialog');
    void title;
    this.ctx.project.dialogs.push(contentOf(userInterface));
  }

  /** Shows a modeless dialog: recorded. */
  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    record(this.ctx, 'Ui.showModelessDialog');
    void title;
    this.ctx.project.dialogs.push(contentOf(userInterface));
  }

  /** alert(prompt) / alert(title, prompt, buttons): recorded; the user presses OK (or YES). */
  alert(
    titleOrPrompt: string,
    promptOrButtons?: string | GoogleAppsScript.Base.ButtonSet,
    buttons?: GoogleAppsScript.Base.ButtonSet,
  ): GoogleAppsScript.Base.Button {
    record(this.ctx, 'Ui.alert');
    const text =
      typeof promptOrButtons === 'string' ? `${titleOrPrompt}\n${promptOrButtons}` : titleOrPrompt;
    this.ctx.project.alerts.push(text);
    const set = String(typeof promptOrButtons === 'string' ? buttons : promptOrButtons);
    return asEnum(set.startsWith('YES') ? Button.YES : Button.OK);
  }

  /**
   * prompt(prompt) / prompt(prompt, buttons) / prompt(title, prompt, buttons): an input dialog
   * (ui#promptprompt); its text is recorded with the alerts, and the user's answer is the next
   * one queued with ws.answerPrompt.
   */
  prompt(
    titleOrPrompt: string,
    promptOrButtons?: string | GoogleAppsScript.Base.ButtonSet,
    buttons?: GoogleAppsScript.Base.ButtonSet,
  ): GoogleAppsScript.Base.PromptResponse {
    record(this.ctx, 'Ui.prompt');
    void buttons;
    const text =
      typeof promptOrButtons === 'string' ? `${titleOrPrompt}\n${promptOrButtons}` : titleOrPrompt;
    this.ctx.project.alerts.push(text);
    const answer = this.ctx.world.promptAnswers?.shift();
    if (!answer)
      throw new Error(
        `emulator: Ui.prompt «${text}» has no answer (queue one with ws.answerPrompt)`,
      );
    return asGas(new PromptResponse(answer.text, answer.button));
  }
}
stubInterface(Ui, 'Base.Ui');

/** What the user typed in a prompt and which button they pressed (prompt-response). */
export class PromptResponse implements Fake<GoogleAppsScript.Base.PromptResponse, PromptResponse> {
  constructor(
    private readonly text: string,
    private readonly button: keyof typeof Button,
  ) {}

  /** The text typed. */
  getResponseText(): string {
    return this.text;
  }

  /** The button pressed. */
  getSelectedButton(): GoogleAppsScript.Base.Button {
    return asEnum(Button[this.button]);
  }
}
stubInterface(PromptResponse, 'Base.PromptResponse');

function contentOf(output: GoogleAppsScript.HTML.HtmlOutput): string {
  if (typeof output === 'string') return output;
  return (output as { getContent(): string }).getContent();
}
