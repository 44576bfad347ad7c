/** The method new scans use: the newest release of this definition id (forms/registry.ts). */
export { DEFAULT_METHOD_ID } from '../../forms/registry';
