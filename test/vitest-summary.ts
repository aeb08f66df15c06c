import type { Reporter, TestModule } from "vitest/node";
import { recordCounts, summaryLine } from "./summary-file";

/** Ends the vitest run with the same kind of closing line as the e2e run. */
export default class VitestSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>) {
    const counts = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed++;
        else if (state === "failed") counts.failed++;
        else counts.skipped++;
      }
      // A file that failed to load has no tests to count: it is a failure all the same.
      if (mod.state() === "failed" && [...mod.children.allTests()].length === 0) counts.failed++;
    }
    console.log(summaryLine("vitest", counts));
    recordCounts("vitest", counts);
  }
}
