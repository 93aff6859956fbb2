// autocannon ships no type declarations; the soak script uses its documented programmatic API.
declare module 'autocannon';
