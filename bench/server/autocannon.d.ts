/** The part of autocannon's API the server benchmark uses (the package ships no types). */
declare module 'autocannon' {
  namespace autocannon {
    interface Request {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
    }
    interface Options {
      url: string;
      method?: string;
      connections?: number;
      duration?: number;
      amount?: number;
      headers?: Record<string, string>;
      body?: string;
      requests?: Array<{ setupRequest?: (request: Request) => Request }>;
    }
    interface Result {
      requests: { average: number; total: number };
      /** Seconds, rounded UP to autocannon's sampling tick (1 s): too coarse for short runs. */
      duration: number;
      latency: { p50: number; p99: number };
      '2xx': number;
      non2xx: number;
      errors: number;
      timeouts: number;
    }
  }
  interface Instance extends PromiseLike<autocannon.Result> {
    on(event: 'response', listener: (...args: unknown[]) => void): Instance;
  }
  function autocannon(options: autocannon.Options): Instance;
  export default autocannon;
}
