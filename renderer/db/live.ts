/**
 * The live-query hook of the data layer: a component re-renders when the data it read changes
 * (in this tab or another). Components import it from here, never from dexie-react-hooks, so that
 * the storage engine can change (or a sync engine plug in) without touching a screen.
 * Pass a function of this folder (listScans, getProject, …): never a raw table query.
 */
export { useLiveQuery } from 'dexie-react-hooks';
