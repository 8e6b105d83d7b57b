/** The emulator's fake classes by the Apps Script class name they stand for (coverage report). */
import { Blob } from '../services/blob';
import { EmbeddedChart, EmbeddedChartBuilder } from '../services/chart';
import {
  BarChartBuilder,
  Chart,
  ChartsService,
  ColumnChartBuilder,
  DataTableBuilder,
  LineChartBuilder,
  PieChartBuilder,
} from '../services/charts';
import { DataValidation, DataValidationBuilder } from '../services/data-validation';
import * as docs from '../services/documents';
import { DriveApp, File, Folder, FileIterator, FolderIterator } from '../services/drive';
import * as forms from '../services/forms';
import { HtmlOutput, HtmlTemplate, FakeHtmlService } from '../services/html';
import {
  FakeMailApp,
  FakeGmailApp,
  GmailAttachment,
  GmailDraft,
  GmailMessage,
} from '../services/mail';
import * as props from '../services/properties';
import { Protection } from '../services/protection';
import { RangeList } from '../services/range-list';
import { Range } from '../services/range';
import { Trigger, TriggerBuilder, ScriptApp } from '../services/script';
import { Sheet, Filter } from '../services/sheet';
import { Spreadsheet, NamedRange, SpreadsheetApp } from '../services/spreadsheet';
import { Menu, PromptResponse, Ui } from '../services/ui';
import { HttpResponse, UrlFetchApp } from '../services/url-fetch';
import { Utilities, Session, Logger } from '../services/utilities';

export const CLASSES: Record<string, unknown> = {
  Blob,
  EmbeddedChart,
  EmbeddedChartBuilder,
  Charts: ChartsService,
  Chart,
  DataTableBuilder,
  BarChartBuilder,
  ColumnChartBuilder,
  LineChartBuilder,
  PieChartBuilder,
  DataValidation,
  DataValidationBuilder,
  Body: docs.BodyEl,
  HeaderSection: docs.HeaderEl,
  FooterSection: docs.FooterEl,
  Paragraph: docs.ParagraphEl,
  ListItem: docs.ListItemEl,
  Table: docs.TableEl,
  TableRow: docs.TableRowEl,
  TableCell: docs.TableCellEl,
  Text: docs.TextEl,
  InlineImage: docs.InlineImageEl,
  RangeElement: docs.RangeElement,
  Document: docs.FakeDocument,
  DocumentApp: docs.FakeDocumentApp,
  DriveApp,
  File,
  Folder,
  FileIterator,
  FolderIterator,
  Form: forms.Form,
  FormApp: forms.FormApp,
  FormResponse: forms.FormResponse,
  ItemResponse: forms.ItemResponse,
  Item: forms.Item,
  TextItem: forms.TextItem,
  ParagraphTextItem: forms.ParagraphTextItem,
  MultipleChoiceItem: forms.MultipleChoiceItem,
  'Forms.ListItem': forms.ListItem,
  CheckboxItem: forms.CheckboxItem,
  Choice: forms.Choice,
  HtmlOutput,
  HtmlTemplate,
  HtmlService: FakeHtmlService,
  MailApp: FakeMailApp,
  GmailApp: FakeGmailApp,
  GmailMessage,
  GmailDraft,
  GmailAttachment,
  Properties: props.Properties,
  PropertiesService: props.PropertiesService,
  Cache: props.Cache,
  CacheService: props.CacheService,
  Lock: props.Lock,
  LockService: props.LockService,
  Protection,
  RangeList,
  Range,
  Trigger,
  TriggerBuilder,
  ScriptApp,
  Sheet,
  Filter,
  Spreadsheet,
  NamedRange,
  Menu,
  Ui,
  PromptResponse,
  SpreadsheetApp,
  Utilities,
  Session,
  Logger,
  UrlFetchApp,
  HTTPResponse: HttpResponse,
};
