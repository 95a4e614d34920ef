/**
 * Document variables: attributes a researcher gives documents (source, date, stance, language),
 * each of a type. Values are checked against their variable's type where they are set.
 */
import { VARIABLE_CHOICE_MAX_CHARS, VARIABLE_CHOICES_MAX, VARIABLE_NAME_MAX_CHARS, VARIABLE_VALUE_MAX_CHARS } from './limits';
import { WorkbenchFailure } from './failure';
import { z } from './zod';

/** The types a variable may have: free text, a number, a date (YYYY-MM-DD), or one of a list. */
export const VARIABLE_TYPES = ['text', 'number', 'date', 'choice'] as const;

export type VariableType = (typeof VARIABLE_TYPES)[number];

/** A variable as the project file holds it. */
export const variableSchema = z.object({
  name: z.string().min(1).max(VARIABLE_NAME_MAX_CHARS),
  type: z.enum(VARIABLE_TYPES),
  /** The values a 'choice' variable may take, in order. */
  choices: z.array(z.string().max(VARIABLE_CHOICE_MAX_CHARS)).max(VARIABLE_CHOICES_MAX).default([]),
});

export type VariableDefinition = z.infer<typeof variableSchema>;

/** A document's value of a variable: text (also dates and list values), a number, or none. */
export const variableValueSchema = z.union([z.string().max(VARIABLE_VALUE_MAX_CHARS), z.number(), z.null()]);

export type VariableValue = z.infer<typeof variableValueSchema>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a value against a variable; returns it in its stored form, or throws saying what is wrong. */
export function checkValue(variable: VariableDefinition, value: VariableValue): VariableValue {
  if (value === null || value === '') return null;
  switch (variable.type) {
    case 'number': {
      const number = typeof value === 'number' ? value : Number(String(value).trim().replace(',', '.'));
      if (!Number.isFinite(number)) throw new WorkbenchFailure('invalid-input', `“${value}” is not a number (${variable.name}).`);
      return number;
    }
    case 'date': {
      const text = String(value).trim();
      const date = new Date(`${text}T00:00:00Z`);
      if (!DATE.test(text) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
        throw new WorkbenchFailure('invalid-input', `“${value}” is not a date written as YYYY-MM-DD (${variable.name}).`);
      }
      return text;
    }
    case 'choice':
      if (!variable.choices.includes(String(value))) {
        throw new WorkbenchFailure('invalid-input', `“${value}” is not one of ${variable.choices.map((c) => `“${c}”`).join(', ')} (${variable.name}).`);
      }
      return String(value);
    default:
      return String(value);
  }
}

/** Checks a variable's definition against the others. */
export function checkDefinition(variable: VariableDefinition, others: readonly VariableDefinition[]): VariableDefinition {
  const name = variable.name.trim();
  if (!name) throw new WorkbenchFailure('invalid-input', 'A variable needs a name.');
  if (others.some((v) => v.name.toLowerCase() === name.toLowerCase())) {
    throw new WorkbenchFailure('conflict', `There is already a variable “${name}”.`);
  }
  const choices = variable.type === 'choice' ? [...new Set(variable.choices.map((c) => c.trim()).filter(Boolean))] : [];
  if (variable.type === 'choice' && choices.length === 0) {
    throw new WorkbenchFailure('invalid-input', `A list variable needs its values (${name}).`);
  }
  return { name, type: variable.type, choices };
}

/** The CSV column of a variable. */
export function variableColumn(name: string): string {
  return `var_${name}`;
}
