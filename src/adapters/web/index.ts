/** The admin web's public surface: what `soga start` and the CLI use. */
export { startWeb, type WebDeps, type WebServer } from './start-web.js';
export { hashAdminPassword } from './admin-auth.js';
