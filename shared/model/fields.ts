/**
 * The fields that many records share, written once: a record's id, a time in UTC and a SHA-256.
 * The project file, the coder file and the API contract check them alike.
 */
import { ID_MAX_CHARS } from './limits';
import { z } from './zod';

/** The id of a document, a segment, a decision or a project (ours are far shorter than the cap). */
export const recordIdSchema = z.string().min(1).max(ID_MAX_CHARS);

/** A time in UTC, ISO 8601 without an offset (2026-01-31T12:00:00Z). */
export const utcTimeSchema = z.iso.datetime({ offset: false });

/** A SHA-256, in lowercase hex. */
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
