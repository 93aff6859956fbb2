export { teardown as default } from './postgres-databases';
