/**
 * bench:dispatch's floor, the broker's own round trip (bench/dispatch/brokerRoundTrip.ts), against a
 * real ActiveMQ: each turn waits for its own echo (not an earlier one's), turn after turn, and a turn
 * whose publish the broker cannot take fails instead of waiting for an echo that never comes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { BrokerRoundTrip } from '../../../bench/dispatch/brokerRoundTrip';
import { brokerAvailable, type PrivateBroker, startPrivateBroker, stompUrl } from './brokerKit';

const run = brokerAvailable('the broker round trip of bench:dispatch (ActiveMQ)');

describe.skipIf(!run)('BrokerRoundTrip', () => {
  let privateBroker: PrivateBroker | undefined;
  afterAll(() => privateBroker?.remove());

  it('times one echo per turn, in order, through two queues', async () => {
    const roundTrip = new BrokerRoundTrip(stompUrl!, `roundtrip${Date.now().toString(36)}`);
    await roundTrip.start();
    try {
      const times: number[] = [];
      for (let i = 0; i < 20; i++) times.push(await roundTrip.once());
      expect(times.every((ms) => Number.isFinite(ms) && ms > 0)).toBe(true);
      expect(roundTrip.turns).toBe(20);
      // Every echo that came back was its own turn's: none left over from another.
      expect(roundTrip.strayEchoes).toBe(0);
    } finally {
      await roundTrip.close();
    }
  }, 30_000);

  it('rejects a turn when the broker is gone rather than waiting for ever', async () => {
    privateBroker = startPrivateBroker();
    const roundTrip = new BrokerRoundTrip(privateBroker.url, 'roundtripgone');
    await roundTrip.start();
    await roundTrip.once();
    privateBroker.stop();
    await expect(roundTrip.once()).rejects.toThrow(/broker/);
    await roundTrip.close();
  }, 90_000);
});
