/**
 * FormApp, Form, items, responses and linking to a spreadsheet
 * (developers.google.com/apps-script/reference/forms).
 */
export {
  DestinationType,
  destinationSheet,
  fixedHeaders,
  linkDestination,
  syncDestination,
  unlinkDestination,
  writeResponseRow,
} from './destination';
export {
  CheckboxItem,
  Choice,
  DateItem,
  Item,
  ItemType,
  ListItem,
  MultipleChoiceItem,
  ParagraphTextItem,
  ScaleItem,
  SectionHeaderItem,
  TextItem,
} from './items';
export { FormResponse, ItemResponse } from './responses';
export { Form } from './form';
export { ValidationBuilder } from './validation';
export { createFormFile, FormApp, formFacade } from './form-app';
