/**
 * Blind coding: while it is on, a coder sees only their own work, so that what others coded
 * cannot sway them. The main process applies this rule where data leaves it (documents, lists,
 * counts, outcomes of actions) and closes agreement and adjudication, which show the other
 * coders' passages; this module holds the rule and the sentences that explain it.
 */
import { WorkbenchFailure } from '../model/failure';

/** Who is looking, and whether blind coding is on. */
export interface Viewer {
  coder: string;
  blind: boolean;
}

/** Why agreement and adjudication are closed, in the researcher's words. */
export const CLOSED_WHILE_BLIND =
  "Blind coding is on: agreement and the disagreements are closed, because they show the other coders' work. Turn Blind off to compare coders.";

/** True when the viewer may see this segment: always, unless blind coding hides other coders'. */
export function isShownTo(viewer: Viewer, segment: { coder: string }): boolean {
  return !viewer.blind || segment.coder === viewer.coder;
}

/** The segments the viewer may see (all of them unless blind coding is on). */
export function shownTo<S extends { coder: string }>(viewer: Viewer, segments: readonly S[]): readonly S[] {
  return viewer.blind ? segments.filter((segment) => segment.coder === viewer.coder) : segments;
}

/** Throws a failure that says why, when blind coding is on (for agreement and adjudication). */
export function refuseWhileBlind(viewer: Viewer): void {
  if (viewer.blind) throw new WorkbenchFailure('forbidden', CLOSED_WHILE_BLIND);
}
