/**
 * PostgreSQL's side of the live channel across processes: one dedicated connection that LISTENs on
 * the event channel and wakes the reader with each NOTIFY's payload (an event id). A lost connection
 * is reopened after a pause and followed by one wake-up, so events stored meanwhile are read then:
 * the reader always reads from its own cursor, the notification is only a hint. The same channel
 * carries "principals" (migration 0009): who someone is changed, so live sockets re-check their rights.
 */
import type pgModule from 'pg';
import { EVENT_CHANNEL } from './createJobStore';
import { loadDriver } from './loadDriver';
import { PRINCIPALS_PAYLOAD } from './migrations/0011_principals_wakeup';

export async function listenForEvents(
  url: string,
  wake: (id: number) => void,
  principalsChanged: () => void = () => {},
): Promise<() => Promise<void>> {
  const pg = await loadDriver<typeof pgModule>('pg');
  let client: pgModule.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel !== EVENT_CHANNEL) return;
      if (message.payload === PRINCIPALS_PAYLOAD) principalsChanged();
      else wake(Number(message.payload ?? 0));
    });
    next.on('error', () => reconnect());
    next.on('end', () => reconnect());
    await next.connect();
    await next.query(`LISTEN ${EVENT_CHANNEL}`);
    client = next;
  };

  const reconnect = () => {
    if (stopped || retry) return;
    client = undefined;
    retry = setTimeout(() => {
      retry = undefined;
      connect().then(
        () => {
          wake(0);
          principalsChanged();
        },
        () => reconnect(),
      );
    }, 1000);
    retry.unref();
  };

  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const last = client;
    client = undefined;
    await last?.end().catch(() => {});
  };
}
