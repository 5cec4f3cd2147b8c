import { runPost } from '../app/post.js';

await runPost();
// A timed-out toolkit call cannot be cancelled and may keep the event loop alive: end explicitly.
process.exit(process.exitCode ?? 0);
