/**
 * The parsing process (started by isolated-parser.ts): parses one HTML or PDF file per message and
 * answers with its text or a coded failure. It holds nothing else, so killing it loses nothing.
 */
import { SogaError } from '../src/core/errors.js';
import { extractText } from './extract.js';
import type { ParseReply, ParseRequest } from './isolated-parser.js';

function reply(message: ParseReply): void {
  process.send?.(message);
}

process.on('message', (request: ParseRequest) => {
  const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  extractText(bytes, request.kind, request.source).then(
    (text) => reply({ id: request.id, ok: true, text }),
    (error: unknown) => {
      if (error instanceof SogaError) {
        reply({ id: request.id, ok: false, code: error.code, message: error.message, hint: error.hint });
      } else if (error instanceof RangeError) {
        // "Maximum call stack size exceeded": nesting deeper than any real document.
        reply({
          id: request.id,
          ok: false,
          code: 'FILE_TOO_COMPLEX',
          message: `${request.source}: the file is nested too deeply to read (${error.message})`,
          hint: 'export a simpler copy of the document',
        });
      } else {
        reply({ id: request.id, ok: false, code: 'UNREADABLE_FILE', message: `${request.source}: cannot be read (${(error as Error)?.message ?? String(error)})` });
      }
    },
  );
});

// The bot process went away: nothing left to parse for.
process.on('disconnect', () => process.exit(0));
