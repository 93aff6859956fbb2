import { BudgetExceededError, ClientBudget } from './client-budget';

describe('ClientBudget', () => {
  it('never takes a negative, non-finite or NaN cost (it would refill the bucket)', () => {
    const budget = new ClientBudget(6000, () => 0);
    budget.charge('ip:a', 5000);
    for (const cost of [-5e10, -1, NaN, Infinity, -Infinity]) {
      expect(() => budget.charge('ip:a', cost)).toThrow(RangeError);
      expect(budget.remaining('ip:a')).toBe(1000);
    }
  });

  it('refunds only a finite positive amount, never past a full budget', () => {
    const budget = new ClientBudget(6000, () => 0);
    budget.charge('ip:a', 5000);
    for (const amount of [-100, 0, NaN, -Infinity, Infinity]) budget.refund('ip:a', amount);
    expect(budget.remaining('ip:a')).toBe(1000);
    budget.refund('ip:a', 4000);
    expect(budget.remaining('ip:a')).toBe(5000);
    budget.refund('ip:a', 1e9);
    expect(budget.remaining('ip:a')).toBe(6000);
  });

  it('gives each client its own budget per minute, refilled at its own pace, and says when it is full again', () => {
    let now = 0;
    const budget = new ClientBudget(6000, () => now);
    budget.charge('key:1', 50_000, 60_000);
    expect(budget.status('key:1', 60_000)).toEqual({ perMinute: 60_000, remaining: 10_000, resetsIn: 50 });
    now = 10_000;
    expect(budget.status('key:1', 60_000)).toEqual({ perMinute: 60_000, remaining: 20_000, resetsIn: 40 });
    expect(budget.status('ip:never-seen')).toEqual({ perMinute: 6000, remaining: 6000, resetsIn: 0 });
  });

  it('refuses with the cost and the budget in the error, and a retry delay', () => {
    const budget = new ClientBudget(6000, () => 0);
    budget.charge('ip:a', 5500);
    let error: unknown;
    try {
      budget.charge('ip:a', 1000);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BudgetExceededError);
    const { extensions } = error as BudgetExceededError;
    expect(extensions.retryAfterSeconds).toBe(5);
    expect(extensions.cost).toEqual({ requested: 1000, actual: 0, budget: { perMinute: 6000, remaining: 500, resetsIn: 55 } });
  });
});
