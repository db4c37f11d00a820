/**
 * Which transport the pages use for live events: `?live=sse` on the page's URL skips the WebSocket
 * (for a network known to block it, and to show the fallback); otherwise the feed picks by itself.
 */
export const liveTransport = (): 'auto' | 'sse' =>
  new URLSearchParams(window.location.search).get('live') === 'sse' ? 'sse' : 'auto';
