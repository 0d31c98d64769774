// Runs graphql-http's GraphQL-over-HTTP server audits against a URL and prints one JSON object:
// {"ok": n, "notice": n, "warn": n, "error": n, "details": [failing audits]}.
// Usage: node audit.mjs http://127.0.0.1:8000/graphql
// Exit status: 0 when nothing failed at warn or error level, 1 otherwise, 2 on bad usage.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  process.stderr.write('usage: node audit.mjs URL\n');
  process.exit(2);
}

const results = await Promise.all(serverAudits({ url }).map((audit) => audit.fn()));
const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
const details = [];
for (const result of results) {
  counts[result.status] += 1;
  if (result.status !== 'ok') {
    // The response body was already read by the failed assertion, so only its head is kept.
    details.push({
      id: result.id,
      name: result.name,
      status: result.status,
      reason: result.reason,
      httpStatus: result.response.status,
      contentType: result.response.headers.get('content-type'),
    });
  }
}
process.stdout.write(JSON.stringify({ ...counts, details }, null, 2) + '\n');
process.exit(counts.warn + counts.error === 0 ? 0 : 1);
