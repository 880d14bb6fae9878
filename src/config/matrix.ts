/** Matrix settings: owned by the matrix adapter; merged into the one schema in schema.ts. */
import { z } from 'zod';
// Use the helpers of ./schema-helpers.js (bool, list, optional, int, num) for env strings.

export const matrixConfigShape = {} satisfies z.ZodRawShape;
