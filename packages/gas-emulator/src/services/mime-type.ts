/**
 * The global MimeType enum (developers.google.com/apps-script/reference/base/mime-type): each
 * value is the MIME type string itself, so it can be passed wherever a string is expected.
 */
export const MimeType: Readonly<Record<string, string>> = Object.freeze({
  GOOGLE_APPS_SCRIPT: 'application/vnd.google-apps.script',
  GOOGLE_DRAWINGS: 'application/vnd.google-apps.drawing',
  GOOGLE_DOCS: 'application/vnd.google-apps.document',
  GOOGLE_FORMS: 'application/vnd.google-apps.form',
  GOOGLE_SHEETS: 'application/vnd.google-apps.spreadsheet',
  GOOGLE_SITES: 'application/vnd.google-apps.site',
  GOOGLE_SLIDES: 'application/vnd.google-apps.presentation',
  FOLDER: 'application/vnd.google-apps.folder',
  SHORTCUT: 'application/vnd.google-apps.shortcut',
  BMP: 'image/bmp',
  GIF: 'image/gif',
  JPEG: 'image/jpeg',
  PNG: 'image/png',
  SVG: 'image/svg+xml',
  PDF: 'application/pdf',
  CSS: 'text/css',
  CSV: 'text/csv',
  HTML: 'text/html',
  JAVASCRIPT: 'application/javascript',
  PLAIN_TEXT: 'text/plain',
  RTF: 'application/rtf',
  OPENDOCUMENT_GRAPHICS: 'application/vnd.oasis.opendocument.graphics',
  OPENDOCUMENT_PRESENTATION: 'application/vnd.oasis.opendocument.presentation',
  OPENDOCUMENT_SPREADSHEET: 'application/vnd.oasis.opendocument.spreadsheet',
  OPENDOCUMENT_TEXT: 'application/vnd.oasis.opendocument.text',
  MICROSOFT_EXCEL: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  MICROSOFT_EXCEL_LEGACY: 'application/vnd.ms-excel',
  MICROSOFT_POWERPOINT: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  MICROSOFT_POWERPOINT_LEGACY: 'application/vnd.ms-powerpoint',
  MICROSOFT_WORD: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  MICROSOFT_WORD_LEGACY: 'application/msword',
  ZIP: 'application/zip',
});

/** File extensions Drive and Blob.setContentTypeFromExtension map to a MIME type. */
const BY_EXTENSION: Record<string, string> = {
  bmp: MimeType.BMP!,
  gif: MimeType.GIF!,
  jpg: MimeType.JPEG!,
  jpeg: MimeType.JPEG!,
  png: MimeType.PNG!,
  svg: MimeType.SVG!,
  pdf: MimeType.PDF!,
  css: MimeType.CSS!,
  csv: MimeType.CSV!,
  htm: MimeType.HTML!,
  html: MimeType.HTML!,
  js: MimeType.JAVASCRIPT!,
  txt: MimeType.PLAIN_TEXT!,
  rtf: MimeType.RTF!,
  odg: MimeType.OPENDOCUMENT_GRAPHICS!,
  odp: MimeType.OPENDOCUMENT_PRESENTATION!,
  ods: MimeType.OPENDOCUMENT_SPREADSHEET!,
  odt: MimeType.OPENDOCUMENT_TEXT!,
  xlsx: MimeType.MICROSOFT_EXCEL!,
  xls: MimeType.MICROSOFT_EXCEL_LEGACY!,
  pptx: MimeType.MICROSOFT_POWERPOINT!,
  ppt: MimeType.MICROSOFT_POWERPOINT_LEGACY!,
  docx: MimeType.MICROSOFT_WORD!,
  doc: MimeType.MICROSOFT_WORD_LEGACY!,
  zip: MimeType.ZIP!,
  json: 'application/json',
  xml: 'text/xml',
  webp: 'image/webp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  heic: 'image/heic',
  mp4: 'video/mp4',
  mp3: 'audio/mpeg',
};

/** The MIME type of a file name by its extension, or null if the extension is unknown. */
export function mimeTypeOfName(name: string): string | null {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return null;
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? null;
}
