/**
 * The reference, measured in the same run as our service (`npm run bench:server`, route
 * "bare"): a bare Fastify 5 route over better-sqlite3 (WAL, synchronous NORMAL) with plain ajv on the
 * bundled EQSANS schema and a key lookup: no accounts, no cross-field rules, no jobs, no audit, no
 * logs. It tells what this machine allows, so our figures are read against it and not against a
 * number measured elsewhere. Benchmark code only: run as a child process by startBenchServer.
 * Usage: `tsx bench/server/bareServer.ts DBFILE SCHEMAFILE`; prints "Bare is serving http://…/".
 */
import Ajv from 'ajv';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { loadSchema } from '../../src/schemas/index';

const [dbFile, schemaFile] = process.argv.slice(2);
if (dbFile === undefined || schemaFile === undefined) {
  process.stderr.write('usage: bareServer.ts DBFILE SCHEMAFILE\n');
  process.exit(2);
}
const db = new Database(dbFile);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(
  'create table if not exists bare_submissions (seq integer primary key autoincrement, id text not null unique, ' +
    'idempotency_key text not null unique, request_text text not null, created_at text not null)',
);
const findKey = db.prepare('select id from bare_submissions where idempotency_key = ?');
const insert = db.prepare(
  'insert into bare_submissions (id, idempotency_key, request_text, created_at) values (?, ?, ?, ?)',
);
// Plain ajv: the bundled schema as the service serves it, our x- keywords ignored (strict off).
const validate = new Ajv({ allErrors: true, strict: false }).compile((await loadSchema(schemaFile)).schema);

const app = Fastify({ logger: false });
app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
  try {
    (request as unknown as { jsonText: string }).jsonText = body as string;
    done(null, JSON.parse(body as string));
  } catch (error) {
    done(error as Error);
  }
});
app.post('/api/instruments/:id/submissions', async (request, reply) => {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string') return reply.code(400).send({ error: 'Idempotency-Key required' });
  const known = findKey.get(key) as { id: string } | undefined;
  if (known) return reply.code(201).send({ id: known.id });
  if (!validate(request.body)) return reply.code(422).send({ errors: validate.errors });
  const id = crypto.randomUUID();
  insert.run(id, key, (request as unknown as { jsonText: string }).jsonText, new Date().toISOString());
  return reply.code(201).send({ id });
});
app.get('/count', async () => ({
  n: (db.prepare('select count(*) as n from bare_submissions').get() as { n: number }).n,
}));
const close = () => {
  void app.close().then(() => {
    db.close();
    process.exit(0);
  });
};
process.on('SIGTERM', close);
process.on('SIGINT', close);
const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.stderr.write(`Bare is serving ${url}/\n`);
