/**
 * Zod, set up once for every schema of the project: without code generation, because the page's
 * Content Security Policy forbids `eval` and Zod would otherwise try it.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
