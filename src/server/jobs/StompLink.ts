/**
 * One STOMP connection to the broker, through @stomp/stompjs over TCP (@stomp/tcp-wrapper): it
 * reconnects with exponential backoff when the broker goes away, subscribes again after each
 * reconnect, and publishes with a broker receipt, so a publish resolves only once the broker has the
 * message (persistent messages: on disk). The server's dispatcher and each worker hold one.
 */
import { createConnection, type Socket } from 'node:net';
import { Client, type IMessage, ReconnectionTimeMode, type StompHeaders } from '@stomp/stompjs';
import { TCPWrapper } from '@stomp/tcp-wrapper';
import { parseStompUrl } from './parseBrokerConfig';
import { stompTraceFile, traceLine } from './stompTrace';

export interface StompLinkOptions {
  /** stomp://host:port */
  readonly url: string;
  readonly login?: string | null;
  readonly passcode?: string | null;
  /** First reconnect pause, doubled after each failure up to maxReconnectDelayMs. */
  readonly reconnectDelayMs: number;
  readonly maxReconnectDelayMs: number;
  /** How long a publish waits for the broker's receipt before it is refused (default 10 s). */
  readonly receiptTimeoutMs?: number;
  /** Told when the connection comes up or goes down (with why). */
  readonly onState?: (connected: boolean, detail: string) => void;
}

/** A message as a subscriber gets it; ack() is a no-op once its connection is gone (it will be redelivered). */
export interface LinkMessage {
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly redelivered: boolean;
  ack(): void;
  nack(): void;
}

interface Subscription {
  readonly destination: string;
  readonly headers: StompHeaders;
  readonly onMessage: (message: LinkMessage) => void;
  active: { unsubscribe(): void } | null;
}

/**
 * TCPWrapper with Nagle's algorithm off. A STOMP client writes small frames back to back (an ACK,
 * then a SEND): with Nagle on, the SEND waited in the kernel until the broker's delayed TCP ack of the
 * ACK frame, 40 ms on Linux, since the broker answers an ACK frame with nothing. Traced with
 * FORMULARY_STOMP_TRACE: the broker's `timestamp` on a job was 40 ms after our SEND left the client,
 * every time an ACK went just before it (bench:dispatch).
 */
class NoDelayTCPWrapper extends TCPWrapper {
  protected override getSocket(port: number, host: string): Socket {
    return createConnection({ port, host, noDelay: true });
  }
}

export class StompLink {
  private readonly client: Client;
  private readonly subscriptions = new Set<Subscription>();
  private readonly pending = new Map<string, { resolve(): void; reject(error: Error): void }>();
  private readonly connectWaiters: (() => void)[] = [];
  private generation = 0;
  private receiptCount = 0;
  private up = false;
  private closing = false;
  private lastProblem = 'not connected yet';

  constructor(private readonly options: StompLinkOptions) {
    const { host, port } = parseStompUrl(options.url);
    const traceFile = stompTraceFile();
    this.client = new Client({
      webSocketFactory: () => new NoDelayTCPWrapper(host, port),
      connectHeaders: {
        host: 'localhost',
        ...(options.login ? { login: options.login } : {}),
        ...(options.passcode ? { passcode: options.passcode } : {}),
      },
      reconnectDelay: options.reconnectDelayMs,
      reconnectTimeMode: ReconnectionTimeMode.EXPONENTIAL,
      maxReconnectDelay: options.maxReconnectDelayMs,
      connectionTimeout: 5000,
      // Heart-beats find a broker that vanished without closing the socket (a host that died).
      heartbeatIncoming: 10_000,
      heartbeatOutgoing: 10_000,
      debug: traceFile ? (text: string) => traceLine(traceFile, text) : () => {},
    });
    this.client.onConnect = () => {
      this.generation++;
      this.up = true;
      for (const subscription of this.subscriptions) this.attach(subscription);
      this.options.onState?.(true, `connected to ${this.options.url}`);
      for (const resolve of this.connectWaiters.splice(0)) resolve();
    };
    this.client.onStompError = (frame) => {
      this.lastProblem = `the broker refused: ${frame.headers.message ?? frame.body}`;
    };
    this.client.onWebSocketError = (event: { message?: unknown }) => {
      this.lastProblem = `cannot reach ${this.options.url}: ${String(event?.message ?? 'connection error')}`;
    };
    this.client.onWebSocketClose = () => {
      const wasUp = this.up;
      this.up = false;
      for (const subscription of this.subscriptions) subscription.active = null;
      const lost = new Error(`the connection to the broker at ${this.options.url} was lost`);
      for (const { reject } of this.pending.values()) reject(lost);
      this.pending.clear();
      if (wasUp && !this.closing) {
        this.options.onState?.(false, `lost the connection to ${this.options.url}; reconnecting`);
      }
    };
  }

  get connected(): boolean {
    return this.up;
  }

  /** Why it is not connected, for messages. */
  get problem(): string {
    return this.lastProblem;
  }

  start(): void {
    this.client.activate();
  }

  /** Resolves at the next (or current) connection. */
  whenConnected(): Promise<void> {
    if (this.up) return Promise.resolve();
    return new Promise((resolve) => this.connectWaiters.push(resolve));
  }

  /** Publishes and resolves once the broker's receipt arrives; rejects when not connected or lost meanwhile. */
  publish(destination: string, body: string, headers: Record<string, string> = {}): Promise<void> {
    if (!this.up)
      return Promise.reject(
        new Error(`not connected to the broker at ${this.options.url}: ${this.lastProblem}`),
      );
    const receipt = `r-${++this.receiptCount}`;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(receipt);
        reject(new Error(`the broker did not confirm a message to ${destination} in time`));
      }, this.options.receiptTimeoutMs ?? 10_000);
      this.pending.set(receipt, {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.client.watchForReceipt(receipt, () => {
        this.pending.get(receipt)?.resolve();
        this.pending.delete(receipt);
      });
      try {
        this.client.publish({
          destination,
          body,
          headers: { 'content-type': 'application/json', persistent: 'true', ...headers, receipt },
        });
      } catch (error) {
        this.pending.get(receipt)?.reject(error as Error);
        this.pending.delete(receipt);
      }
    });
  }

  /** Subscribes now (when connected) and again after every reconnect; returns the unsubscribe function. */
  subscribe(
    destination: string,
    headers: StompHeaders,
    onMessage: (message: LinkMessage) => void,
  ): () => void {
    const subscription: Subscription = { destination, headers, onMessage, active: null };
    this.subscriptions.add(subscription);
    if (this.up) this.attach(subscription);
    return () => {
      this.subscriptions.delete(subscription);
      if (this.up) subscription.active?.unsubscribe();
      subscription.active = null;
    };
  }

  /** Disconnects (unacknowledged messages go back to the broker) and stops reconnecting. */
  async close(): Promise<void> {
    this.closing = true;
    for (const resolve of this.connectWaiters.splice(0)) resolve();
    await this.client.deactivate();
  }

  private attach(subscription: Subscription): void {
    const generation = this.generation;
    subscription.active = this.client.subscribe(
      subscription.destination,
      (message: IMessage) => {
        // An ack on a later connection would name a message that connection never had: the broker
        // has taken it back already and will deliver it again.
        const current = () => this.up && this.generation === generation;
        subscription.onMessage({
          body: message.body,
          headers: message.headers as Record<string, string>,
          redelivered: message.headers.redelivered === 'true',
          ack: () => {
            if (current()) message.ack();
          },
          nack: () => {
            if (current()) message.nack();
          },
        });
      },
      subscription.headers,
    );
  }
}
