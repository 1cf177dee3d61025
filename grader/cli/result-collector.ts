// A vitest reporter that keeps what the scorecard needs: per suite file, when it started, whether it ended,
// its load error if any, and each test's state, first error message, the figures its suite reported and what the
// learner's code printed.
import type { Reporter, TestModule } from 'vitest/node';
import { parseFigures, type Figure } from '../harness/exercise-figures.js';
import { isProblemKind, type ProblemKind } from '../harness/problem-kind.js';
import { capText } from '../sandbox/cap-text.js';
import { PRINTED_LIMIT } from '../sandbox/sandbox-protocol.js';
import type {} from '../harness/learner-prints.js';

/** A test's message carries at most this much (learner text within it is cut shorter still), so reports stay small. */
const TEST_MESSAGE_LIMIT = 4 * 1024;

export interface TestOutcome {
  /** The describe block it is in: the submission's id in a batch, "" otherwise. */
  group: string;
  name: string;
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  /** The kind a failure carried (a SessionProblem's own property, serialised by vitest); absent for others. */
  kind?: ProblemKind;
  message: string;
  /** What the suite measured (reportFigures, through the task's meta); absent when it reported nothing. */
  figures?: Figure[];
  /** What the learner's code printed during the jobs the test read (learner-prints.ts); absent when nothing. */
  printed?: string;
}

export interface ModuleOutcome {
  moduleId: string;
  startedAt: number;
  endedAt?: number;
  /** An error that stopped the file itself (a syntax error, a throw at import time). */
  loadError?: string;
  tests: TestOutcome[];
}

export class ResultCollector implements Reporter {
  readonly modules = new Map<string, ModuleOutcome>();
  onTestModuleStart(testModule: TestModule): void {
    this.modules.set(testModule.moduleId, { moduleId: testModule.moduleId, startedAt: Date.now(), tests: [] });
  }

  onTestModuleEnd(testModule: TestModule): void {
    const outcome = this.modules.get(testModule.moduleId) ?? {
      moduleId: testModule.moduleId,
      startedAt: Date.now(),
      tests: [],
    };
    outcome.endedAt = Date.now();
    const [loadError] = testModule.errors();
    if (loadError) outcome.loadError = capText(loadError.message, TEST_MESSAGE_LIMIT);
    outcome.tests = [...testModule.children.allTests()].map((testCase) => {
      const result = testCase.result();
      const group = testCase.parent.type === 'suite' ? testCase.parent.name : '';
      const error = result.errors?.[0];
      const kind: unknown = error?.kind;
      const figures = parseFigures(testCase.meta().figures);
      const { printed } = testCase.meta();
      return {
        group,
        name: testCase.name,
        state: result.state,
        ...(isProblemKind(kind) ? { kind } : {}),
        message: capText(error?.message ?? '', TEST_MESSAGE_LIMIT),
        ...(figures ? { figures } : {}),
        ...(typeof printed === 'string' && printed !== '' ? { printed: capText(printed, PRINTED_LIMIT * 2) } : {}),
      };
    });
    this.modules.set(testModule.moduleId, outcome);
  }
}
