import { isServer } from 'lit';

/**
 * Whether this runs on a server (Lit's SSR in Node), as Lit tells it: its
 * export conditions give the browser `false` and Node `true`, so a browser
 * build drops the server's branches. Lit types it as the browser's `false`,
 * which would make every check look needless to the type checker.
 */
export const onServer: boolean = isServer;
