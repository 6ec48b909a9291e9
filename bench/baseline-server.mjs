// Baseline for the benchmarks: a bare node:http handler that only parses the JSON body and answers
// 200 (GET: a small JSON document) — the ceiling of any HTTP API on this machine.
import { createServer } from 'node:http';

const server = createServer((req, res) => {
  if (req.method === 'GET') {
    // the lookup benchmark's baseline: answer a small JSON document
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"id":"prof_baseline","traits":{}}');
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    try {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"success":true}');
    } catch {
      res.writeHead(400);
      res.end();
    }
  });
});
server.listen(0, '127.0.0.1', () =>
  process.stdout.write(`Console: http://127.0.0.1:${server.address().port}\nWrite key: none\n`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
