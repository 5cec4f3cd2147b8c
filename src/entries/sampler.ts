import { runSampler } from '../sampler/loop.js';

runSampler(process.argv[2]);
