/**
 * The broker's own round trip, measured beside the dispatchers: a message through the broker to an
 * echoing subscriber and its echo back, over two StompLinks and no Formulary code between them. It
 * takes the same two broker traversals as a job's start (job out to a worker, `started` back to the
 * server), with the same delivery settings: persistent messages published with a receipt, the echo
 * side on client acknowledgement with prefetch 1 acknowledging after its echo's receipt (as a worker),
 * the sending side with a large prefetch (as the server's status subscription). It is the floor any
 * dispatch through this broker on this machine pays, so the benchmark reports its overhead against it.
 */
import { StompLink } from '../../src/server/jobs/index';

export class BrokerRoundTrip {
  private readonly sender: StompLink;
  private readonly echoer: StompLink;
  private readonly outQueue: string;
  private readonly backQueue: string;
  private waiting: ((body: string) => void) | null = null;
  private serial = 0;
  /** Turns completed. */
  turns = 0;
  /** Echoes that were not the awaited turn's (a late one from an earlier turn): should stay 0. */
  strayEchoes = 0;

  constructor(url: string, prefix: string) {
    const link = () => new StompLink({ url, reconnectDelayMs: 100, maxReconnectDelayMs: 1000 });
    this.sender = link();
    this.echoer = link();
    this.outQueue = `/queue/${prefix}.roundtrip.out`;
    this.backQueue = `/queue/${prefix}.roundtrip.back`;
    this.echoer.subscribe(this.outQueue, { ack: 'client-individual', 'activemq.prefetchSize': '1' }, (m) => {
      void this.echoer.publish(this.backQueue, m.body).then(() => m.ack());
    });
    this.sender.subscribe(
      this.backQueue,
      { ack: 'client-individual', 'activemq.prefetchSize': '500' },
      (m) => {
        m.ack();
        this.waiting?.(m.body);
      },
    );
  }

  async start(): Promise<void> {
    this.sender.start();
    this.echoer.start();
    await Promise.all([this.sender.whenConnected(), this.echoer.whenConnected()]);
  }

  /**
   * One message out and back: milliseconds from publishing to its echo's arrival (a job's start does
   * not wait for its receipt either; the receipt is awaited after, so turns do not overlap).
   */
  async once(): Promise<number> {
    const body = String(++this.serial);
    const back = new Promise<number>((resolve) => {
      this.waiting = (echoed) => {
        if (echoed === body) resolve(performance.now());
        else this.strayEchoes++;
      };
    });
    const t0 = performance.now();
    const confirmed = this.sender.publish(this.outQueue, body);
    // A refused publish rejects the race; its echo would never come.
    const ms = (await Promise.race([back, confirmed.then(() => back)])) - t0;
    await confirmed;
    this.turns++;
    return ms;
  }

  async close(): Promise<void> {
    await Promise.all([this.sender.close(), this.echoer.close()]);
  }
}
