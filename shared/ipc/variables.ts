/**
 * The contract's operations for one feature. Document variables: defining and removing them,
 * setting a document's value.
 */
import { VARIABLE_CHOICE_MAX_CHARS, VARIABLE_CHOICES_MAX, VARIABLE_NAME_MAX_CHARS } from '../model/limits';
import { VARIABLE_TYPES, variableValueSchema } from '../model/variables';
import { z } from '../model/zod';
import { documentId, operation } from './fields';
import type { ActionOutcome } from './outcomes';

/** The operations on document variables: defining and removing them, setting a document's value. */
export const variablesOperations = {
  defineVariable: operation<ActionOutcome>()(
    z.strictObject({
      name: z.string().min(1).max(VARIABLE_NAME_MAX_CHARS),
      type: z.enum(VARIABLE_TYPES),
      choices: z.array(z.string().max(VARIABLE_CHOICE_MAX_CHARS)).max(VARIABLE_CHOICES_MAX),
    }),
    'Adds a document variable: text, number, date (YYYY-MM-DD) or one of a list.',
  ),
  removeVariable: operation<ActionOutcome>()(
    z.strictObject({ name: z.string().min(1).max(VARIABLE_NAME_MAX_CHARS) }),
    "Removes a variable and every document's value of it.",
  ),
  setDocumentValue: operation<ActionOutcome>()(
    z.strictObject({ documentId, name: z.string().min(1).max(VARIABLE_NAME_MAX_CHARS), value: variableValueSchema }),
    "Sets (or, with null, clears) a document's value of a variable, checked against its type.",
  ),
} as const;
