import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";
import { recordCounts, summaryLine } from "./summary-file";

/** Ends the run with one line that CI logs can be searched for (flaky tests count as passed). */
export default class SummaryReporter implements Reporter {
  private counts = { passed: 0, failed: 0, flaky: 0, skipped: 0 };

  onTestEnd(test: TestCase, result: TestResult) {
    // Count each test once, by its final outcome.
    if (result.retry < test.retries && result.status !== "passed" && result.status !== "skipped") return;
    const outcome = test.outcome();
    if (outcome === "expected") this.counts.passed++;
    else if (outcome === "flaky") this.counts.flaky++;
    else if (outcome === "skipped") this.counts.skipped++;
    else this.counts.failed++;
  }

  onEnd(result: FullResult) {
    const { passed, failed, flaky, skipped } = this.counts;
    const counts = { passed: passed + flaky, failed: failed + (result.status === "passed" || failed > 0 ? 0 : 1), skipped };
    console.log(`e2e ${result.status} in ${(result.duration / 1000).toFixed(1)}s${flaky ? ` (${flaky} flaky)` : ""}`);
    console.log(summaryLine("e2e", counts));
    recordCounts("e2e", counts);
  }
}
