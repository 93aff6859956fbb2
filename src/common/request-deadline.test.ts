import { RequestDeadline } from './request-deadline';

describe('RequestDeadline', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('after(ms): passes by itself and calls onPass, unless settled first', () => {
    const onPass = jest.fn();
    const deadline = RequestDeadline.after(1000, onPass);
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(999);
    expect([deadline.passed, onPass.mock.calls.length]).toEqual([false, 0]);
    jest.advanceTimersByTime(1);
    expect([deadline.passed, deadline.signal.aborted, onPass.mock.calls.length]).toEqual([true, true, 1]);

    const settled = RequestDeadline.after(1000, onPass);
    settled.settle();
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(5000);
    expect([settled.passed, onPass.mock.calls.length]).toEqual([false, 1]);
  });

  // A subscription event's execution ends without anyone settling its deadline: nothing may stay pending per event.
  it('within(ms): leaves no timer pending, yet passes on time, for `passed` and for a signal asked for before or after', () => {
    const deadlines = Array.from({ length: 100 }, () => RequestDeadline.within(1000));
    expect(jest.getTimerCount()).toBe(0);
    expect(deadlines.some((d) => d.passed)).toBe(false);

    const early = deadlines[0].signal; // asked for while time remains: its timer aborts it when the deadline passes
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(999);
    expect([early.aborted, deadlines[0].passed, deadlines[1].passed]).toEqual([false, false, false]);
    jest.advanceTimersByTime(1);
    expect(early.aborted).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
    expect(deadlines.every((d) => d.passed)).toBe(true);
    expect(deadlines[1].signal.aborted).toBe(true); // asked for after it passed
  });

  it('within(ms): a signal timer does not keep the process alive', () => {
    jest.useRealTimers();
    const set = jest.spyOn(global, 'setTimeout');
    try {
      void RequestDeadline.within(60_000).signal;
      const timer = set.mock.results[0].value as NodeJS.Timeout;
      expect(timer.hasRef()).toBe(false);
      clearTimeout(timer);
    } finally {
      set.mockRestore();
    }
  });
});
