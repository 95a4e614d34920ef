/**
 * How long each field a researcher fills in may be. The API contract (shared/ipc) checks input
 * against these, and the project schema (project-schema.ts) checks the saved project against the
 * same numbers, so whatever the contract accepts is a project that loads again.
 */

/** Ids of documents, segments, decisions (ours are far shorter). */
export const ID_MAX_CHARS = 200;
/** A code's name. */
export const CODE_NAME_MAX_CHARS = 200;
/** A code's short description. */
export const CODE_DESCRIPTION_MAX_CHARS = 2000;
/** Each part of a code's codebook entry: definition, when to use, when not to use, example. */
export const CODEBOOK_ENTRY_MAX_CHARS = 20000;
/** A memo on a segment or a document, and the note on a decision. */
export const MEMO_MAX_CHARS = 100000;
/** A coder's name. */
export const CODER_NAME_MAX_CHARS = 200;
/** A document's title as the researcher gives it. */
export const DOCUMENT_TITLE_MAX_CHARS = 500;
/** The name of an imported file. */
export const FILE_NAME_MAX_CHARS = 1000;
/** A variable's name. */
export const VARIABLE_NAME_MAX_CHARS = 100;
/** One value of a list variable, and how many values the list may have. */
export const VARIABLE_CHOICE_MAX_CHARS = 200;
export const VARIABLE_CHOICES_MAX = 500;
/** A document's value of a text variable. */
export const VARIABLE_VALUE_MAX_CHARS = 10000;
/** An action's label (the Undo button's words); fitActionLabel (changes.ts) keeps every label within it. */
export const ACTION_LABEL_MAX_CHARS = 500;
/** A project's name (the window title and the recent list show it). */
export const PROJECT_NAME_MAX_CHARS = 200;
/** A project's description. */
export const PROJECT_DESCRIPTION_MAX_CHARS = 20000;
