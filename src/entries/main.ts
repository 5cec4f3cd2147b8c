import { runMain } from '../app/action-start.js';

runMain(import.meta.url);
