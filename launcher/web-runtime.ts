import path from 'node:path';
import { PROJECT_ROOT } from '../lib/project-root';

/** Node flags of the web server: the preload that stamps each request with the client's address. */
export const WEB_NODE_ARGS = ['--import', path.join(PROJECT_ROOT, 'scripts/web-client-ip.mjs')] as const;
