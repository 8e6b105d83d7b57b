/**
 * What the calling project is bound to, as the `getActive…()` and `getUi()` methods of each
 * service see it (developers.google.com/apps-script/guides/bound#special_methods).
 */
import type { ContainerRef, ProjectState } from './state';
import type { ExecutionTracker } from './execution';

/** The id of the container of `project` if it is of `kind`, else null. */
export function boundTo(project: ProjectState, kind: ContainerRef['kind']): string | null {
  return project.container.kind === kind ? project.container.id : null;
}

/**
 * Executions that have an editor open in front of a user: a call from the editor, a menu or a
 * sidebar ('direct'), and the open and edit triggers. A time-driven or form-submit trigger runs
 * with nobody looking, so it has no UI ("A script can only interact with the UI for the current
 * instance of an open editor", reference/base/ui).
 */
const TRIGGERS_WITH_UI = new Set(['direct', 'ON_OPEN', 'ON_EDIT', 'ON_CHANGE']);

/**
 * Throws Apps Script's message when `service.getUi()` is called from a project not bound to a
 * `kind` file, or from an execution with no editor open.
 */
export function checkUi(
  project: ProjectState,
  tracker: ExecutionTracker,
  service: string,
  kind: ContainerRef['kind'],
): void {
  const running = tracker.active;
  const hasEditor = !running || TRIGGERS_WITH_UI.has(running.trigger);
  if (project.container.kind !== kind || !hasEditor)
    throw new Error(`Cannot call ${service}.getUi() from this context.`);
}
