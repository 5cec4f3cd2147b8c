import { startFromAction } from '../app/action-start.js';

startFromAction('pre', import.meta.url);
