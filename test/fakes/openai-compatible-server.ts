/**
 * A loopback server that speaks the OpenAI chat-completions protocol (JSON and SSE streaming), for
 * testing the real LangChain client. Each request is answered by a handler chosen by the test.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour = { kind: 'reply'; text: string } | { kind: 'status'; status: number; body?: string } | { kind: 'stall' };

export interface RecordedRequest {
  path: string;
  body: { model: string; stream?: boolean; messages: { role: string; content: string }[] };
}

export async function startOpenAiServer(next: () => Behaviour) {
  const requests: RecordedRequest[] = [];
  const open = new Set<ServerResponse>();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw || '{}');
    requests.push({ path: req.url ?? '', body });
    const behaviour = next();
    if (behaviour.kind === 'status') {
      res.writeHead(behaviour.status, { 'content-type': 'application/json' });
      res.end(behaviour.body ?? JSON.stringify({ error: { message: 'internal error', type: 'server_error' } }));
      return;
    }
    if (behaviour.kind === 'stall') {
      open.add(res);
      return; // never answers
    }
    const id = 'chatcmpl-test';
    if (body.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const piece of behaviour.text.match(/.{1,8}/gs) ?? []) {
        res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model: body.model, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })}\n\n`);
      }
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model: body.model, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
      res.end('data: [DONE]\n\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id,
        object: 'chat.completion',
        created: 0,
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: behaviour.text }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
  };
  // node:http ignores a handler's promise: a failure resets the connection, so the client under test sees it.
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => res.destroy(error instanceof Error ? error : new Error(String(error))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    async close() {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
