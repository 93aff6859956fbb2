import { clientMistakeStatus } from './errors';

describe('clientMistakeStatus', () => {
  it('gives the status of the client mistake that decides: a missing key before a low role before bad input', () => {
    expect(clientMistakeStatus(['BAD_USER_INPUT'])).toBe(400);
    expect(clientMistakeStatus(['GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST'])).toBe(400);
    expect(clientMistakeStatus(['BAD_USER_INPUT', 'FORBIDDEN'])).toBe(403);
    expect(clientMistakeStatus(['FORBIDDEN', 'UNAUTHENTICATED', 'BAD_USER_INPUT'])).toBe(401);
  });

  it('ignores what only reports another error, and answers null when any error is not the client’s or there is none', () => {
    expect(clientMistakeStatus(['MUTATION_ROLLED_BACK', 'BAD_USER_INPUT', 'MUTATION_ROLLED_BACK'])).toBe(400);
    expect(clientMistakeStatus(['MUTATION_ROLLED_BACK'])).toBeNull();
    expect(clientMistakeStatus([])).toBeNull();
    expect(clientMistakeStatus(['BAD_USER_INPUT', 'INTERNAL_SERVER_ERROR'])).toBeNull();
    expect(clientMistakeStatus(['BAD_USER_INPUT', undefined])).toBeNull();
    expect(clientMistakeStatus(['SERVICE_UNAVAILABLE'])).toBeNull();
  });
});
