import { runPost } from '../app/post.js';

await runPost();
