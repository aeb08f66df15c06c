import fs from "node:fs";

export type RunCounts = { passed: number; failed: number; skipped: number };

/** The closing line CI reads: "<runner>: N passed, N failed, N skipped". */
export const summaryLine = (runner: string, c: RunCounts) => `${runner}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;

/** Appends a runner's counts to TEST_SUMMARY_FILE (when set), so .ci/run can print the total. */
export function recordCounts(runner: string, counts: RunCounts) {
  const file = process.env.TEST_SUMMARY_FILE;
  if (file) fs.appendFileSync(file, `${JSON.stringify({ runner, ...counts })}\n`);
}
