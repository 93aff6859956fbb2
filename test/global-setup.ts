export { setup as default } from './postgres-databases';
