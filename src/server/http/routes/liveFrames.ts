/**
 * What the live route writes to its sockets, built once per event and group and shared by every
 * socket that follows the group: the event's JSON, its WebSocket frame, and the writes that put a
 * tick's frames on a socket in one system call. bench:live (1,000 sockets on one group, 10,000 log
 * lines/s) measured each of these as a per-socket cost of the server's one main thread.
 */
import type { Socket } from 'node:net';
import WebSocket from 'ws';
import { type RunLine, toRuns } from '../../live/index';
import type { LiveEvent } from '../../store/index';

/** The event as the wire carries it (WebSocket and SSE). */
export const eventJson = (e: LiveEvent): Record<string, unknown> => ({
  id: e.id,
  submissionId: e.submissionId,
  instrument: e.instrument,
  jobId: e.jobId,
  attempt: e.attempt,
  kind: e.kind,
  payload: e.payload,
  createdAt: e.createdAt,
});

/** ws's own framing (`WebSocket.Sender.frame`, public in ws but not in its type definitions). */
const { Sender } = WebSocket as unknown as {
  Sender: { frame(data: Buffer, options: Record<string, boolean | number>): Buffer[] };
};

const framed = new WeakMap<LiveEvent, Map<string, { message: Buffer; frame: Buffer }>>();

/**
 * The hub hands the same event object to every subscriber, so its message per group (and form, see
 * `compact`) is built once, not once per socket (JSON.stringify per socket was the server's largest
 * cost at 1,000 clients), encoded to UTF-8 once, and framed once: a text frame from a server is not
 * masked, so its header (opcode and length) is the same for every socket. Sent with ws's send, every
 * socket paid for a new header and ws's bookkeeping again. Returns the text message
 * (`{"type":"event",...}`) and its whole WebSocket frame, shared.
 */
export function wireFrameOf(group: string, event: LiveEvent, compact: boolean) {
  let byGroup = framed.get(event);
  if (!byGroup) {
    byGroup = new Map();
    framed.set(event, byGroup);
  }
  const key = compact ? `${group}\n` : group; // no group name holds a newline (parseGroup)
  let entry = byGroup.get(key);
  if (entry === undefined) {
    const json = eventJson(event);
    const lines =
      compact && event.kind === 'log' ? (event.payload as { lines?: RunLine[] }).lines : undefined;
    if (Array.isArray(lines)) json.payload = { runs: toRuns(lines) };
    const message = Buffer.from(JSON.stringify({ type: 'event', group, event: json }));
    const parts = Sender.frame(message, { fin: true, opcode: 1, mask: false, readOnly: true, rsv1: false });
    entry = { message, frame: Buffer.concat(parts) };
    byGroup.set(key, entry);
  }
  return entry;
}

/**
 * A socket's event frames of one tick go to the kernel in one write: the first frame corks the TCP
 * socket under ws, and the end of the tick (process.nextTick, after the hub's synchronous fan-out of
 * a page) uncorks it, so Node writes every frame queued meanwhile with one writev. bench:live's server
 * spent most of its CPU in writev, about 10 µs per call whatever the frame's size (200 B to 8 kB,
 * 1,000 sockets: bench/live/writeCost.mjs): with several events per page, one call replaces several.
 *
 * The shared frame goes straight to the TCP socket when ws would send it unchanged: no extension
 * negotiated (permessage-deflate is off on this server; ws's sender queues frames only while it
 * compresses or reads a Blob, and this route sends neither), so ws writes its own frames (control
 * messages, pings, close) to the same socket synchronously, in call order, and nothing interleaves.
 * ws has no public cork or raw write; it corks the same socket (`_socket`) itself around each frame.
 * Without the raw socket, or with an extension, frames go through ws's send one by one.
 */
export function coalescedWrites(
  socket: WebSocket,
  flushAt: number,
): (built: { message: Buffer; frame: Buffer }) => void {
  const raw = (socket as unknown as { _socket?: Socket })._socket;
  const direct = raw !== undefined && socket.extensions === '';
  let corked = false;
  const uncork = () => {
    corked = false;
    raw!.uncork(); // a second uncork (after an early flush) finds no cork and does nothing
  };
  return ({ message, frame }) => {
    if (raw === undefined || raw.destroyed) {
      socket.send(message, { binary: false });
      return;
    }
    if (!corked) {
      corked = true;
      raw.cork();
      process.nextTick(uncork);
    }
    if (direct) raw.write(frame);
    else socket.send(message, { binary: false });
    // A replay sends thousands of events without the tick ending: flushed every `flushAt` bytes, so
    // the kernel takes them as they come and the too-far-behind check counts only what the client
    // left unread, not what waits under the cork.
    if (corked && raw.writableLength >= flushAt) uncork();
  };
}
