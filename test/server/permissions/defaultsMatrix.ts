/**
 * The permission matrix's rows for instrument defaults edited by staff (written by hand, like the
 * rest of permissionsSuite): who may change and reset EQSANS defaults, what a refusal says, values
 * checked against the field's schema, and what anyone then reads (the overlay with its ETag, the
 * history old -> new) and what the audit log records. Runs inside describePermissions, per back end.
 */
import { expect, it } from 'vitest';
import { expectStatuses, type Role, row } from './roleRows';

type Call = (role: Role, method: string, path: string, body?: string) => Promise<Response>;

/** Staff and the admin last: PATCH sets 60 + the position (staff 65, admin 66), as the history expects. */
const ORDER: Role[] = [
  'anonymous',
  'scientist',
  'coMember',
  'otherScientist',
  'otherStaff',
  'staff',
  'admin',
];
const DEFAULTS = '/api/instruments/eqsans/defaults';
const FIELD = '/beamCenter/comRadius';

export function describeDefaultsMatrix(call: () => Call): void {
  it('PATCH defaults: staff of the instrument and admins; others 403 saying who may', async () => {
    await expectStatuses(row(401, 403, 403, 403, 200, 403, 200), ORDER, async (role, i) => {
      const response = await call()(role, 'PATCH', DEFAULTS, JSON.stringify({ set: { [FIELD]: 60 + i } }));
      if (response.status === 403) {
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect((await response.json()).detail).toBe(
          'only eqsans staff or an administrator may change the eqsans defaults',
        );
      }
      return response;
    });
    // Anyone, signed in or not, reads the overlay: the admin's value, over the schema's 50.
    const read = await call()('anonymous', 'GET', DEFAULTS);
    const body = await read.json();
    expect(body.overrides).toEqual([
      expect.objectContaining({
        pointer: FIELD,
        label: 'Centre-of-mass radius',
        value: 66,
        schemaDefault: 50,
        changedBy: 'boss',
      }),
    ]);
    const etag = read.headers.get('etag')!;
    expect(etag).toMatch(new RegExp(`^"defaults-${body.revision}-[\\w-]{8}"$`));
    const again = await fetch(read.url, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    // A save makes a new revision: the old tag no longer matches.
    expect((await call()('staff', 'PATCH', DEFAULTS, JSON.stringify({ set: { [FIELD]: 65 } }))).status).toBe(
      200,
    );
    expect((await fetch(read.url, { headers: { 'if-none-match': etag } })).status).toBe(200);
    expect((await call()('admin', 'PATCH', DEFAULTS, JSON.stringify({ set: { [FIELD]: 66 } }))).status).toBe(
      200,
    );
  });

  it("a value the field's schema refuses is 422 naming the field; nothing is written", async () => {
    const before = await (await call()('staff', 'GET', DEFAULTS)).json();
    const bad = await call()(
      'staff',
      'PATCH',
      DEFAULTS,
      JSON.stringify({ set: { [FIELD]: 'wide', '/beamCenter/fallbackCenterX': 0.03 } }),
    );
    expect(bad.status).toBe(422);
    const problem = await bad.json();
    expect(problem.detail).toBe('Centre-of-mass radius (/beamCenter/comRadius): must be a number');
    expect(problem.errors).toEqual([
      expect.objectContaining({ pointer: FIELD, label: 'Centre-of-mass radius' }),
    ]);
    const unknown = await call()('staff', 'PATCH', DEFAULTS, JSON.stringify({ set: { '/no/such': 1 } }));
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).detail).toBe('/no/such: not a field of the EQSANS schema');
    expect(await (await call()('staff', 'GET', DEFAULTS)).json()).toEqual(before);
  });

  it('DELETE defaults?pointer= (reset): the same rule; the schema default counts again', async () => {
    await expectStatuses(row(401, 403, 403, 403, 200, 403, 200), ORDER, (role) =>
      call()(role, 'DELETE', `${DEFAULTS}?pointer=${encodeURIComponent(FIELD)}`),
    );
    expect((await (await call()('scientist', 'GET', DEFAULTS)).json()).overrides).toEqual([]);
  });

  it('the history shows every change old -> new, and the audit log has each', async () => {
    const history = await (await call()('otherScientist', 'GET', `${DEFAULTS}/history`)).json();
    const mine = (
      history.items as {
        pointer: string;
        oldValue?: unknown;
        newValue?: unknown;
        reset: boolean;
        changedBy: string;
      }[]
    )
      .filter((c) => c.pointer === FIELD)
      .map((c) => [c.changedBy, c.oldValue, c.newValue, c.reset]);
    // Newest first: the staff's reset, then the two rounds of changes (the admin's reset changed nothing).
    expect(mine).toEqual([
      ['eqstaff', 66, 50, true],
      ['boss', 65, 66, false],
      ['eqstaff', 66, 65, false],
      ['boss', 65, 66, false],
      ['eqstaff', 50, 65, false],
    ]);
    const audit = await (await call()('admin', 'GET', '/api/audit?action=default-change')).json();
    expect(audit.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: 'boss',
          action: 'default-change',
          target: `eqsans:${FIELD}`,
          detail: { instrument: 'eqsans', pointer: FIELD, old: 65, new: 66 },
        }),
      ]),
    );
    const resets = await (await call()('admin', 'GET', '/api/audit?action=default-reset')).json();
    expect(resets.items.map((e: { actor: string }) => e.actor)).toEqual(['eqstaff']);
  });
}
