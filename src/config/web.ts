/** Web settings: owned by the web adapter; merged into the one schema in schema.ts. */
import { z } from 'zod';
// Use the helpers of ./schema-helpers.js (bool, list, optional, int, num) for env strings.

export const webConfigShape = {} satisfies z.ZodRawShape;
