/**
 * DriveApp, Folder, File and their iterators (developers.google.com/apps-script/reference/drive).
 * Every spreadsheet, form, document and uploaded file is a DriveItem of the one workspace.
 */
import { asGas, Fake, stubInterface } from '../core/errors';
import type { DriveItem } from '../core/state';
import type { Ctx, World } from '../core/world';
import { record } from '../core/world';
import { Blob, blobBytes, buildPdf } from './blob';

export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';
export const FORM_MIME = 'application/vnd.google-apps.form';
export const DOCUMENT_MIME = 'application/vnd.google-apps.document';

/** Creates a Drive item (in the root folder unless `parent` is given). */
export function createDriveItem(
  world: World,
  fields: {
    name: string;
    mimeType: string;
    parent?: string;
    owner?: string;
    bytes?: Uint8Array;
    id?: string;
  },
): DriveItem {
  const now = world.clock.now();
  const item: DriveItem = {
    id: fields.id ?? world.ids.next(),
    name: fields.name,
    mimeType: fields.mimeType,
    parents: [fields.parent ?? world.drive.rootId],
    trashed: false,
    owner: fields.owner ?? world.user,
    createdAt: now,
    updatedAt: now,
    bytes: fields.bytes,
  };
  world.drive.items.set(item.id, item);
  return item;
}

/** The URL Google gives an item of each type. */
export function urlOf(item: DriveItem): string {
  switch (item.mimeType) {
    case FOLDER_MIME:
      return `https://drive.google.com/drive/folders/${item.id}`;
    case SPREADSHEET_MIME:
      return `https://docs.google.com/spreadsheets/d/${item.id}/edit`;
    case FORM_MIME:
      return `https://docs.google.com/forms/d/${item.id}/edit`;
    case DOCUMENT_MIME:
      return `https://docs.google.com/document/d/${item.id}/edit`;
    default:
      return `https://drive.google.com/file/d/${item.id}/view?usp=drivesdk`;
  }
}

/** How long an item stays in the trash before Drive deletes it for good. */
export const TRASH_RETENTION_MS = 30 * 24 * 3600 * 1000;

/**
 * Moves an item to or from the trash as Drive does: a folder's contents go with it (trashed, not
 * explicitly) and come back with it, except what was trashed on its own before
 * (developers.google.com/drive/api/reference/rest/v3/files: trashed, explicitlyTrashed).
 */
export function setTrashedState(world: World, item: DriveItem, trashed: boolean): void {
  const now = world.clock.now();
  item.explicitlyTrashed = trashed;
  item.trashed = trashed || inTrashedFolder(world, item);
  item.trashedAt = item.trashed ? (item.trashedAt ?? now) : undefined;
  if (item.mimeType !== FOLDER_MIME) return;
  const walk = (folderId: string): void => {
    for (const child of world.drive.items.values()) {
      if (!child.parents.includes(folderId)) continue;
      if (!child.explicitlyTrashed) {
        child.trashed = item.trashed;
        child.trashedAt = item.trashed ? (child.trashedAt ?? now) : undefined;
      }
      if (child.mimeType === FOLDER_MIME) walk(child.id);
    }
  };
  walk(item.id);
}

function inTrashedFolder(world: World, item: DriveItem): boolean {
  const parent = item.parents[0] ? world.drive.items.get(item.parents[0]) : undefined;
  return !!parent && parent.trashed;
}

/** Deletes for good what has been in the trash for 30 days of modelled time. */
export function emptyOldTrash(world: World): void {
  const limit = world.clock.now().getTime() - TRASH_RETENTION_MS;
  for (const [id, item] of world.drive.items)
    if (item.trashed && item.trashedAt && item.trashedAt.getTime() <= limit)
      world.drive.items.delete(id);
}

/** Google's message when an id does not resolve (or the user cannot see the item). */
function notFound(): Error {
  return new Error(
    'Unexpected error while getting the method or property getFileById on object DriveApp.',
  );
}

/** Folder path of an item, e.g. 'Банк приказов/ШКОЛА-47' (root excluded). */
export function folderPath(world: World, item: DriveItem): string {
  const parts: string[] = [];
  let parentId = item.parents[0];
  while (parentId && parentId !== world.drive.rootId) {
    const parent = world.drive.items.get(parentId);
    if (!parent) break;
    parts.unshift(parent.name);
    parentId = parent.parents[0];
  }
  return parts.join('/');
}

/** hasNext/next over a snapshot, as Drive iterators are. */
class DriveIterator<T> {
  private i = 0;

  constructor(
    private readonly ctx: Ctx,
    private readonly kind: string,
    private readonly items: T[],
  ) {}

  /** True if next() has an item. */
  hasNext(): boolean {
    record(this.ctx, `${this.kind}.hasNext`);
    return this.i < this.items.length;
  }

  /** The next item; throws past the end as Google does. */
  next(): T {
    record(this.ctx, `${this.kind}.next`);
    if (this.i >= this.items.length)
      throw new Error('Cannot retrieve the next object: iterator has reached the end.');
    return this.items[this.i++]!;
  }

  /** Continuation tokens are not modelled. */
  getContinuationToken(): string {
    throw new Error(`emulator: ${this.kind}.getContinuationToken is not implemented`);
  }
}

/** Iterator of files. */
export class FileIterator extends DriveIterator<GoogleAppsScript.Drive.File> {}
/** Iterator of folders. */
export class FolderIterator extends DriveIterator<GoogleAppsScript.Drive.Folder> {}

/**
 * The files or folders in a folder. Like Drive's own `'<id>' in parents` query, trashed items are
 * listed too (scripts check `isTrashed()`; searchFiles needs `trashed = false` to leave them out).
 */
function children(world: World, folderId: string, folders: boolean): DriveItem[] {
  emptyOldTrash(world);
  const out: DriveItem[] = [];
  for (const item of world.drive.items.values()) {
    if (!item.parents.includes(folderId)) continue;
    if ((item.mimeType === FOLDER_MIME) === folders) out.push(item);
  }
  return out;
}

/** A Drive User of an email address. */
function userOf(email: string): GoogleAppsScript.Drive.User {
  return asGas({
    getEmail: () => email,
    getName: () => email.split('@')[0],
    getDomain: () => email.split('@')[1],
  });
}

/** Drive refuses what is not an address: "Invalid email: …". */
function checkedAddress(email: string): void {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Error(`Invalid email: ${email}`);
}

/** The lowercase address of an email or a User. */
function emailOf(user: string | GoogleAppsScript.Base.User): string {
  return (typeof user === 'string' ? user : user.getEmail()).trim().toLowerCase();
}

function fileFacade(ctx: Ctx, item: DriveItem): GoogleAppsScript.Drive.File {
  return asGas(new File(ctx, item));
}

function folderFacade(ctx: Ctx, item: DriveItem): GoogleAppsScript.Drive.Folder {
  return asGas(new Folder(ctx, item));
}

/** Members common to File and Folder. */
abstract class DriveEntry {
  constructor(
    readonly ctx: Ctx,
    readonly item: DriveItem,
  ) {}

  protected abstract kind: string;

  protected rec(method: string): void {
    record(this.ctx, `${this.kind}.${method}`);
  }

  /** Drive id. */
  getId(): string {
    this.rec('getId');
    return this.item.id;
  }

  /** Name. */
  getName(): string {
    this.rec('getName');
    return this.item.name;
  }

  /** URL to open it. */
  getUrl(): string {
    this.rec('getUrl');
    return urlOf(this.item);
  }

  /** Creation date. */
  getDateCreated(): Date {
    this.rec('getDateCreated');
    return new Date(this.item.createdAt.getTime());
  }

  /** Last update. */
  getLastUpdated(): Date {
    this.rec('getLastUpdated');
    return new Date(this.item.updatedAt.getTime());
  }

  /** Description or null. */
  getDescription(): string | null {
    this.rec('getDescription');
    return this.item.description ?? null;
  }

  /** Parent folders. */
  getParents(): GoogleAppsScript.Drive.FolderIterator {
    this.rec('getParents');
    const parents = this.item.parents
      .map((id) => this.ctx.world.drive.items.get(id))
      .filter((p): p is DriveItem => !!p)
      .map((p) => folderFacade(this.ctx, p));
    return asGas(new FolderIterator(this.ctx, 'FolderIterator', parents));
  }

  /** True if in the trash. */
  isTrashed(): boolean {
    this.rec('isTrashed');
    return this.item.trashed;
  }

  /** Owner as a User. */
  getOwner(): GoogleAppsScript.Drive.User {
    this.rec('getOwner');
    return userOf(this.item.owner);
  }

  /** Reference (getViewers): "the list of viewers and commenters"; editors are not among them. */
  getViewers(): GoogleAppsScript.Drive.User[] {
    this.rec('getViewers');
    return (this.item.viewers ?? []).map((email) => userOf(email));
  }

  /**
   * Reference (addViewer): adds users to the viewers; "If the user was already on the list of
   * editors, this method has no effect."
   */
  protected view(emails: string[]): void {
    for (const email of emails) checkedAddress(email);
    const viewers = this.item.viewers ?? [];
    for (const email of emails) {
      const editor = email === this.item.owner || (this.item.editors ?? []).includes(email);
      if (!editor && !viewers.includes(email)) viewers.push(email);
    }
    this.item.viewers = viewers;
  }

  /** Sharing is not modelled; scripts that share must be tested elsewhere. */
  setSharing(): never {
    throw new Error(`emulator: ${this.kind}.setSharing is not implemented`);
  }
}

/** A Drive folder. */
export class Folder extends DriveEntry implements Fake<GoogleAppsScript.Drive.Folder, Folder> {
  protected kind = 'Folder';

  private get self(): GoogleAppsScript.Drive.Folder {
    return this as unknown as GoogleAppsScript.Drive.Folder;
  }

  /** Reference (folder#addViewer): adds a user (email or User) to the viewers. */
  addViewer(emailAddress: string | GoogleAppsScript.Base.User): GoogleAppsScript.Drive.Folder {
    this.rec('addViewer');
    this.view([emailOf(emailAddress)]);
    return this.self;
  }

  /** Reference (folder#addViewers): adds the users of an array of addresses to the viewers. */
  addViewers(emailAddresses: string[]): GoogleAppsScript.Drive.Folder {
    this.rec('addViewers');
    this.view(emailAddresses.map(emailOf));
    return this.self;
  }

  /** Renames the folder. */
  setName(name: string): GoogleAppsScript.Drive.Folder {
    this.rec('setName');
    this.item.name = name;
    return this.self;
  }

  /** Sets the description. */
  setDescription(description: string): GoogleAppsScript.Drive.Folder {
    this.rec('setDescription');
    this.item.description = description;
    return this.self;
  }

  /** Moves to or from the trash, with everything inside (folder#settrashedtrashed). */
  setTrashed(trashed: boolean): GoogleAppsScript.Drive.Folder {
    this.rec('setTrashed');
    setTrashedState(this.ctx.world, this.item, trashed);
    return this.self;
  }

  /** A new subfolder. */
  createFolder(name: string): GoogleAppsScript.Drive.Folder {
    this.rec('createFolder');
    return folderFacade(
      this.ctx,
      createDriveItem(this.ctx.world, { name, mimeType: FOLDER_MIME, parent: this.item.id }),
    );
  }

  /** A new file from a blob (or name, content[, mimeType]). */
  createFile(
    blobOrName: GoogleAppsScript.Base.BlobSource | string,
    content?: string,
    mimeType?: string,
  ): GoogleAppsScript.Drive.File {
    this.rec('createFile');
    if (typeof blobOrName === 'string') {
      const bytes = new Uint8Array(Buffer.from(content ?? '', 'utf8'));
      return fileFacade(
        this.ctx,
        createDriveItem(this.ctx.world, {
          name: blobOrName,
          mimeType: mimeType ?? 'text/plain',
          parent: this.item.id,
          bytes,
        }),
      );
    }
    const { name, mimeType: type, bytes } = blobBytes(blobOrName);
    return fileFacade(
      this.ctx,
      createDriveItem(this.ctx.world, {
        name: name ?? 'Untitled',
        mimeType: type ?? 'application/octet-stream',
        parent: this.item.id,
        bytes: bytes.slice(),
      }),
    );
  }

  /** Subfolders, trashed ones included. */
  getFolders(): GoogleAppsScript.Drive.FolderIterator {
    this.rec('getFolders');
    const list = children(this.ctx.world, this.item.id, true).map((i) => folderFacade(this.ctx, i));
    return asGas(new FolderIterator(this.ctx, 'FolderIterator', list));
  }

  /** Subfolders with this exact name. */
  getFoldersByName(name: string): GoogleAppsScript.Drive.FolderIterator {
    this.rec('getFoldersByName');
    const list = children(this.ctx.world, this.item.id, true)
      .filter((i) => i.name === name)
      .map((i) => folderFacade(this.ctx, i));
    return asGas(new FolderIterator(this.ctx, 'FolderIterator', list));
  }

  /** Files in this folder, trashed ones included. */
  getFiles(): GoogleAppsScript.Drive.FileIterator {
    this.rec('getFiles');
    const list = children(this.ctx.world, this.item.id, false).map((i) => fileFacade(this.ctx, i));
    return asGas(new FileIterator(this.ctx, 'FileIterator', list));
  }

  /** Files with this exact name. */
  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    this.rec('getFilesByName');
    const list = children(this.ctx.world, this.item.id, false)
      .filter((i) => i.name === name)
      .map((i) => fileFacade(this.ctx, i));
    return asGas(new FileIterator(this.ctx, 'FileIterator', list));
  }

  /** Files of a mime type. */
  getFilesByType(mimeType: string): GoogleAppsScript.Drive.FileIterator {
    this.rec('getFilesByType');
    const list = children(this.ctx.world, this.item.id, false)
      .filter((i) => i.mimeType === mimeType)
      .map((i) => fileFacade(this.ctx, i));
    return asGas(new FileIterator(this.ctx, 'FileIterator', list));
  }

  /** Adds a file to this folder (it keeps its other parents). */
  addFile(child: GoogleAppsScript.Drive.File): GoogleAppsScript.Drive.Folder {
    this.rec('addFile');
    const item = (child as unknown as File).item;
    if (!item.parents.includes(this.item.id)) item.parents.push(this.item.id);
    return this.self;
  }

  /** Removes a file from this folder. */
  removeFile(child: GoogleAppsScript.Drive.File): GoogleAppsScript.Drive.Folder {
    this.rec('removeFile');
    const item = (child as unknown as File).item;
    item.parents = item.parents.filter((p) => p !== this.item.id);
    return this.self;
  }

  /** Adds a subfolder. */
  addFolder(child: GoogleAppsScript.Drive.Folder): GoogleAppsScript.Drive.Folder {
    this.rec('addFolder');
    const item = (child as unknown as Folder).item;
    if (!item.parents.includes(this.item.id)) item.parents.push(this.item.id);
    return this.self;
  }

  /** Moves this folder into `destination`. */
  moveTo(destination: GoogleAppsScript.Drive.Folder): GoogleAppsScript.Drive.Folder {
    this.rec('moveTo');
    this.item.parents = [(destination as unknown as Folder).item.id];
    setTrashedState(this.ctx.world, this.item, this.item.explicitlyTrashed === true);
    return this.self;
  }
}
stubInterface(Folder, 'Drive.Folder');

/** A Drive file (plain or Google-native). */
export class File extends DriveEntry implements Fake<GoogleAppsScript.Drive.File, File> {
  protected kind = 'File';

  private get self(): GoogleAppsScript.Drive.File {
    return this as unknown as GoogleAppsScript.Drive.File;
  }

  /** Reference (file#addViewer): adds a user (email or User) to the viewers. */
  addViewer(emailAddress: string | GoogleAppsScript.Base.User): GoogleAppsScript.Drive.File {
    this.rec('addViewer');
    this.view([emailOf(emailAddress)]);
    return this.self;
  }

  /** Reference (file#addViewers): adds the users of an array of addresses to the viewers. */
  addViewers(emailAddresses: string[]): GoogleAppsScript.Drive.File {
    this.rec('addViewers');
    this.view(emailAddresses.map(emailOf));
    return this.self;
  }

  /** Renames the file. */
  setName(name: string): GoogleAppsScript.Drive.File {
    this.rec('setName');
    this.item.name = name;
    this.item.updatedAt = this.ctx.world.clock.now();
    return this.self;
  }

  /** Sets the description. */
  setDescription(description: string): GoogleAppsScript.Drive.File {
    this.rec('setDescription');
    this.item.description = description;
    return this.self;
  }

  /** Reference (getEditors): "the list of editors"; the owner is not among them. */
  getEditors(): GoogleAppsScript.Drive.User[] {
    this.rec('getEditors');
    return (this.item.editors ?? []).map((email) => userOf(email));
  }

  /** Reference (addEditor): adds a user (email or User) to the editors. */
  addEditor(emailAddress: string | GoogleAppsScript.Base.User): GoogleAppsScript.Drive.File {
    this.rec('addEditor');
    this.#share([emailOf(emailAddress)]);
    return this.self;
  }

  /** Reference (addEditors): adds the users of an array of email addresses to the editors. */
  addEditors(emailAddresses: string[]): GoogleAppsScript.Drive.File {
    this.rec('addEditors');
    this.#share(emailAddresses.map(emailOf));
    return this.self;
  }

  /** Reference (removeEditor): removes a user from the editors. */
  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): GoogleAppsScript.Drive.File {
    this.rec('removeEditor');
    const email = emailOf(emailAddress);
    this.item.editors = (this.item.editors ?? []).filter((e) => e !== email);
    return this.self;
  }

  #share(emails: string[]): void {
    const editors = this.item.editors ?? [];
    for (const email of emails) {
      checkedAddress(email);
      if (email !== this.item.owner && !editors.includes(email)) editors.push(email);
    }
    this.item.editors = editors;
    // An editor is no longer only a viewer.
    if (this.item.viewers)
      this.item.viewers = this.item.viewers.filter((v) => !editors.includes(v));
  }

  /** Mime type. */
  getMimeType(): string {
    this.rec('getMimeType');
    return this.item.mimeType;
  }

  /** Bytes used (0 for Google-native files, as Drive reports). */
  getSize(): number {
    this.rec('getSize');
    return this.item.bytes?.length ?? 0;
  }

  /** Moves to or from the trash (file#settrashedtrashed). */
  setTrashed(trashed: boolean): GoogleAppsScript.Drive.File {
    this.rec('setTrashed');
    setTrashedState(this.ctx.world, this.item, trashed);
    return this.self;
  }

  /** Moves the file into `destination` (file#movetodestination). */
  moveTo(destination: GoogleAppsScript.Drive.Folder): GoogleAppsScript.Drive.File {
    this.rec('moveTo');
    this.item.parents = [(destination as unknown as Folder).item.id];
    // Moved out of a trashed folder it leaves the trash; into one, it goes with it.
    setTrashedState(this.ctx.world, this.item, this.item.explicitlyTrashed === true);
    return this.self;
  }

  /** A copy named `name` (default 'Copy of <name>') in `destination` or the source's folder (file#makecopy). */
  makeCopy(
    nameOrDestination?: string | GoogleAppsScript.Drive.Folder,
    destination?: GoogleAppsScript.Drive.Folder,
  ): GoogleAppsScript.Drive.File {
    this.rec('makeCopy');
    this.ctx.world.nativeFiles.get(this.item.mimeType)?.beforeCopy?.();
    const name =
      typeof nameOrDestination === 'string' ? nameOrDestination : `Copy of ${this.item.name}`;
    const folder = typeof nameOrDestination === 'object' ? nameOrDestination : destination;
    const world = this.ctx.world;
    const copy = createDriveItem(world, {
      name,
      mimeType: this.item.mimeType,
      parent: folder ? (folder as unknown as Folder).item.id : this.item.parents[0],
      bytes: this.item.bytes?.slice(),
    });
    copy.description = this.item.description;
    const handler = world.nativeFiles.get(this.item.mimeType);
    if (handler) handler.copy(this.item.id, copy.id);
    return fileFacade(this.ctx, copy);
  }

  /** Content as a Blob; Google-native files come as PDF (file#getblob). */
  getBlob(): GoogleAppsScript.Base.Blob {
    this.rec('getBlob');
    if (this.item.bytes) {
      return asGas(
        new Blob(
          this.item.bytes.slice(),
          this.item.mimeType,
          this.item.name,
          this.ctx.world.tracker,
        ),
      );
    }
    return this.convert('application/pdf');
  }

  /** Content converted to `contentType` (file#getascontenttype). */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    this.rec('getAs');
    if (this.item.bytes) {
      return new Blob(
        this.item.bytes.slice(),
        this.item.mimeType,
        this.item.name,
        this.ctx.world.tracker,
      ).getAs(contentType);
    }
    return this.convert(contentType);
  }

  private convert(contentType: string): GoogleAppsScript.Base.Blob {
    const handler = this.ctx.world.nativeFiles.get(this.item.mimeType);
    const bytes =
      handler?.exportAs(this.item.id, contentType) ??
      (contentType === 'application/pdf' ? buildPdf([this.item.name], this.item.name) : null);
    if (!bytes)
      throw new Error(`Converting from ${this.item.mimeType} to ${contentType} is not supported.`);
    const ext = contentType === 'application/pdf' ? '.pdf' : '';
    return asGas(new Blob(bytes, contentType, `${this.item.name}${ext}`, this.ctx.world.tracker));
  }
}
stubInterface(File, 'Drive.File');

/** DriveApp for one project. */
export class DriveApp implements Fake<GoogleAppsScript.Drive.DriveApp, DriveApp> {
  constructor(private readonly ctx: Ctx) {}

  private item(id: string, folder: boolean): DriveItem {
    emptyOldTrash(this.ctx.world);
    const item = this.ctx.world.drive.items.get(String(id));
    if (!item || (item.mimeType === FOLDER_MIME) !== folder) {
      if (folder)
        throw new Error(
          'Unexpected error while getting the method or property getFolderById on object DriveApp.',
        );
      throw notFound();
    }
    return item;
  }

  /** The user's My Drive root. */
  getRootFolder(): GoogleAppsScript.Drive.Folder {
    record(this.ctx, 'DriveApp.getRootFolder');
    return folderFacade(this.ctx, this.ctx.world.drive.items.get(this.ctx.world.drive.rootId)!);
  }

  /** A folder by id. */
  getFolderById(id: string): GoogleAppsScript.Drive.Folder {
    record(this.ctx, 'DriveApp.getFolderById');
    return folderFacade(this.ctx, this.item(id, true));
  }

  /** A file by id. */
  getFileById(id: string): GoogleAppsScript.Drive.File {
    record(this.ctx, 'DriveApp.getFileById');
    return fileFacade(this.ctx, this.item(id, false));
  }

  /** A new folder in the root. */
  createFolder(name: string): GoogleAppsScript.Drive.Folder {
    record(this.ctx, 'DriveApp.createFolder');
    return folderFacade(this.ctx, createDriveItem(this.ctx.world, { name, mimeType: FOLDER_MIME }));
  }

  /** A new file in the root. */
  createFile(
    blobOrName: GoogleAppsScript.Base.BlobSource | string,
    content?: string,
    mimeType?: string,
  ): GoogleAppsScript.Drive.File {
    return new Folder(
      this.ctx,
      this.ctx.world.drive.items.get(this.ctx.world.drive.rootId)!,
    ).createFile(blobOrName, content, mimeType);
  }

  /** Every folder named `name`, anywhere. */
  getFoldersByName(name: string): GoogleAppsScript.Drive.FolderIterator {
    record(this.ctx, 'DriveApp.getFoldersByName');
    emptyOldTrash(this.ctx.world);
    const list = [...this.ctx.world.drive.items.values()]
      .filter(
        (i) =>
          i.mimeType === FOLDER_MIME && i.name === name && i.id !== this.ctx.world.drive.rootId,
      )
      .map((i) => folderFacade(this.ctx, i));
    return asGas(new FolderIterator(this.ctx, 'FolderIterator', list));
  }

  /** Every file named `name`, anywhere. */
  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    record(this.ctx, 'DriveApp.getFilesByName');
    emptyOldTrash(this.ctx.world);
    const list = [...this.ctx.world.drive.items.values()]
      .filter((i) => i.mimeType !== FOLDER_MIME && i.name === name)
      .map((i) => fileFacade(this.ctx, i));
    return asGas(new FileIterator(this.ctx, 'FileIterator', list));
  }

  /** Every file of a mime type. */
  getFilesByType(mimeType: string): GoogleAppsScript.Drive.FileIterator {
    record(this.ctx, 'DriveApp.getFilesByType');
    emptyOldTrash(this.ctx.world);
    const list = [...this.ctx.world.drive.items.values()]
      .filter((i) => i.mimeType === mimeType)
      .map((i) => fileFacade(this.ctx, i));
    return asGas(new FileIterator(this.ctx, 'FileIterator', list));
  }
}
stubInterface(DriveApp, 'Drive.DriveApp');
