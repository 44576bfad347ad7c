/** The method new scans use: the newest release of this definition id. */
export const DEFAULT_METHOD_ID = 'zeeland-quickscan';
