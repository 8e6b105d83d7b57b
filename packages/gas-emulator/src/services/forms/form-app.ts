/**
 * FormApp (developers.google.com/apps-script/reference/forms/form-app). FormApp cannot create
 * file-upload questions, so Form has no addFileUploadItem: the harness adds them
 * (ws.uploadFileItem).
 */
import { boundTo, checkUi } from '../../core/container';
import { asGas, Fake, stubInterface } from '../../core/errors';
import type { Ctx, World } from '../../core/world';
import { record } from '../../core/world';
import { createDriveItem, FORM_MIME } from '../drive';
import { Ui } from '../ui';
import { FormModel } from '../form-model';
import { DestinationType } from './destination';
import { Form } from './form';
import { ItemType } from './items';
import { ValidationBuilder } from './validation';

/** Creates a form file: Drive item plus model. */
export function createFormFile(world: World, title: string): FormModel {
  const item = createDriveItem(world, { name: title, mimeType: FORM_MIME });
  const model = new FormModel(item.id, `1FAIpQL${world.ids.next('S').slice(0, 49)}`, title);
  world.forms.set(item.id, model);
  return model;
}

/** FormApp for one project. */
export class FormApp implements Fake<GoogleAppsScript.Forms.FormApp, FormApp> {
  readonly ItemType = ItemType;
  readonly DestinationType = DestinationType;

  constructor(private readonly ctx: Ctx) {}

  private open(id: string, method: string): GoogleAppsScript.Forms.Form {
    const model = this.ctx.world.forms.get(String(id));
    if (!model)
      throw new Error(
        `No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.`,
      );
    void method;
    return asGas(new Form(this.ctx, model));
  }

  /** A new form (form-app#createtitle). */
  create(title: string): GoogleAppsScript.Forms.Form {
    record(this.ctx, 'FormApp.create');
    return asGas(new Form(this.ctx, createFormFile(this.ctx.world, title)));
  }

  /** Opens by id. */
  openById(id: string): GoogleAppsScript.Forms.Form {
    record(this.ctx, 'FormApp.openById');
    return this.open(id, 'openById');
  }

  /** Opens by edit or published URL. */
  openByUrl(url: string): GoogleAppsScript.Forms.Form {
    record(this.ctx, 'FormApp.openByUrl');
    const edit = /\/forms\/d\/([\w-]+)/.exec(url);
    if (edit && edit[1] !== 'e') return this.open(edit[1]!, 'openByUrl');
    const published = /\/forms\/d\/e\/([\w-]+)/.exec(url);
    const model =
      published && [...this.ctx.world.forms.values()].find((f) => f.publishedId === published[1]);
    return this.open(model ? model.id : '', 'openByUrl');
  }

  /** "Returns the form to which the script is container-bound" (form-app#getactiveform); null when none. */
  getActiveForm(): GoogleAppsScript.Forms.Form {
    record(this.ctx, 'FormApp.getActiveForm');
    const id = boundTo(this.ctx.project, 'FORM');
    return id === null ? null! : this.open(id, 'getActiveForm');
  }

  /** The form editor's UI, for a script bound to a form with its editor open (form-app#getui). */
  getUi(): GoogleAppsScript.Base.Ui {
    record(this.ctx, 'FormApp.getUi');
    checkUi(this.ctx.project, this.ctx.world.tracker, 'FormApp', 'FORM');
    return asGas(new Ui(this.ctx));
  }

  /** Text-item validation builder. */
  createTextValidation(): GoogleAppsScript.Forms.TextValidationBuilder {
    return asGas(new ValidationBuilder());
  }

  /** Paragraph validation builder. */
  createParagraphTextValidation(): GoogleAppsScript.Forms.ParagraphTextValidationBuilder {
    return asGas(new ValidationBuilder());
  }

  /** Checkbox validation builder. */
  createCheckboxValidation(): GoogleAppsScript.Forms.CheckboxValidationBuilder {
    return asGas(new ValidationBuilder());
  }
}
stubInterface(FormApp, 'Forms.FormApp');

/** The Form facade of a model (used by triggers' `source`). */
export function formFacade(ctx: Ctx, model: FormModel): GoogleAppsScript.Forms.Form {
  return asGas(new Form(ctx, model));
}
