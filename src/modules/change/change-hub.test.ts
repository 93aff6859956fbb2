import { ChangeHub, SlowConsumerError } from './change-hub';
import type { ChangeEvent } from './change-event.entity';

const change = (id: number, parties: string[] = []) => ({ id, parties, disputes: [] }) as unknown as ChangeEvent;

describe('ChangeHub', () => {
  it('gives each subscriber the changes its filter takes, in order', async () => {
    const hub = new ChangeHub(10);
    const all = hub.listen(() => true);
    const verizon = hub.listen((c) => c.parties.includes('verizon'));
    hub.publish(change(1, ['huawei']));
    hub.publish(change(2, ['verizon']));
    expect((await all.next()).value.id).toBe(1);
    expect((await all.next()).value.id).toBe(2);
    expect((await verizon.next()).value.id).toBe(2);
    expect(hub.subscribers).toBe(2);
  });

  it('fails a subscriber that falls more than its queue behind, and forgets it', async () => {
    const hub = new ChangeHub(3);
    const slow = hub.listen(() => true);
    for (let id = 1; id <= 4; id++) hub.publish(change(id));
    await expect(slow.next()).rejects.toBeInstanceOf(SlowConsumerError);
    expect(hub.subscribers).toBe(0);
  });

  it('ends a waiting subscriber when it returns (the client completed), and tells when the last one leaves', async () => {
    const hub = new ChangeHub(3);
    const active: boolean[] = [];
    hub.onActive = (on) => active.push(on);
    const one = hub.listen(() => true);
    const waiting = one.next();
    await one.return!();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(active).toEqual([true, false]);
    const two = hub.listen(() => true);
    const pending = two.next();
    hub.close();
    expect((await pending).done).toBe(true);
  });
});
