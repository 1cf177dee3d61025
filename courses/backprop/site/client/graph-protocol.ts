// The messages between a page and the worker that builds its computation graphs with the learner's engine.
import type { GraphData } from '../shared/graph-catalog.js';
import type { GraphSnapshot } from '../shared/graph-snapshot.js';
import type { LearnerFailure } from './learner-failure.js';

export type GraphRequest = Pick<GraphData, 'spec' | 'backward'>;

export type GraphOutcome = { status: 'ran'; snapshot: GraphSnapshot } | LearnerFailure;
