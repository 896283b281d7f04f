// One browser test at a time: each class starts its own site and Chromium, and on a two-core CI
// machine several at once starve each other past Playwright's timeouts (a sign-in redirect took
// over 30 s that way). Run one after another they finish in about the same wall time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
