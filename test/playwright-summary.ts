import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";

/** Ends the run with one line that CI logs can be searched for. */
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
    const seconds = (result.duration / 1000).toFixed(1);
    console.log(
      `e2e summary: ${result.status} - ${passed} passed, ${failed} failed, ${flaky} flaky, ${skipped} skipped in ${seconds}s`,
    );
  }
}
