// Why each mutant that `npm run mutation` leaves alive is alive (issue 24),
// read by scripts/mutationAccount.mjs. A rule covers the survivors of `file`
// whose first line is within `lines` (and, with `match`, whose
// "MutatorName replacement" matches it; with `col` and `endCol`, that start
// and end at those columns). kind: 'equivalent' — no input the
// function can receive tells the mutant apart (or only in the last bit of a
// double); 'gap' — a test could kill it and none does yet (the why says what
// it would take); 'killed since' — a test written after the file's last run
// kills it (checked by applying the mutant by hand; the cache predates the
// test). Keep a rule to the lines it explains: a new survivor on
// another line must show up as unlisted.

const S = 'src/shared/stats/'
const A = 'src/shared/analysis/'
const F = 'src/shared/'
const eq = 'equivalent'
/** Killed by a test written after the file's last run (mutant applied by hand; the cache predates it). */
const since = 'killed since'

export const reasons = [
  // ---- stats ----
  {
    file: `${S}normalCdf.ts`,
    lines: [15, 15],
    kind: eq,
    why: 'isNaN guard: NaN flows through every step to NaN, what the guard returns'
  },
  {
    file: `${S}normalCdf.ts`,
    lines: [16, 16],
    match: /<= 0/,
    kind: eq,
    why: 'at z = 0 both branches give exactly ½'
  },
  {
    file: `${S}normalCdf.ts`,
    lines: [16, 16],
    match: /\+z/,
    kind: eq,
    why: 'normalTail squares its argument'
  },
  {
    file: `${S}normalQuantile.ts`,
    lines: [14, 14],
    kind: eq,
    why: 'input guard (NaN, p < 0, p > 1): q = min(p, 1 − p) is then negative or NaN and every step gives NaN, as the guard does (tests call −0.1, 1.1, NaN)'
  },
  {
    file: `${S}normalQuantile.ts`,
    lines: [17, 17],
    kind: eq,
    why: 'p = ½: the central equation is solved at x = 0 with f = 0 exactly, which returns 0'
  },
  {
    file: `${S}normalQuantile.ts`,
    lines: [20, 22],
    kind: eq,
    why: 'the first guess, and the equation chosen at exactly q = ¼: the bracketed solver reaches the same root (Φ⁻¹(¼), Φ⁻¹(¾) pinned to 1e-14)'
  },
  {
    file: `${S}normalQuantile.ts`,
    lines: [25, 25],
    kind: eq,
    why: 'p = ½ has returned already'
  },
  {
    file: `${S}warmedUp.ts`,
    lines: [13, 15],
    kind: eq,
    why: 'length, finiteness and sign guards: with < 2 times, a NaN/∞, or one time negative, |a − b| ≤ tol·min(a, b) is false anyway (for any tolerance ≥ 0)'
  },
  {
    file: `${S}meanInterval.ts`,
    lines: [26, 26],
    kind: eq,
    why: 'the quantile cache’s size limit only decides when to recompute a value the same function gives again'
  },
  {
    file: `${S}studentTCdf.ts`,
    lines: [28, 28],
    kind: eq,
    why: 'isNaN guard: NaN flows through to NaN'
  },
  {
    file: `${S}studentTCdf.ts`,
    lines: [30, 30],
    match: /<= 0/,
    kind: eq,
    why: 'at t = 0 both branches give ½'
  },
  {
    file: `${S}studentTCdf.ts`,
    lines: [30, 30],
    match: /\+t/,
    kind: eq,
    why: 'the tail squares t'
  },
  {
    file: `${S}studentTQuantile.ts`,
    lines: [13, 14],
    kind: eq,
    why: 'lowest-order coefficients of g3, g4 (Cornish–Fisher): divided by ν³, ν⁴ with ν ≥ 10⁵ they move t by < 10⁻¹⁵ relative — invisible in doubles'
  },
  {
    file: `${S}studentTQuantile.ts`,
    lines: [27, 27],
    kind: eq,
    why: 'input guard (NaN, p < 0, p > 1): q is then negative or NaN and the solver returns NaN, as the guard does'
  },
  {
    file: `${S}studentTQuantile.ts`,
    lines: [28, 31],
    kind: eq,
    why: 'p = 0, p = 1: the closed forms and the solver give ±∞ too; ν = ∞: Cornish–Fisher at ν = ∞ is z itself'
  },
  {
    file: `${S}studentTQuantile.ts`,
    lines: [43, 46],
    kind: eq,
    why: 'the solver’s start and the density for Newton’s steps (undefined → bisection only) change how the root is reached, not the root'
  },
  {
    file: `${S}studentTQuantile.ts`,
    lines: [49, 49],
    kind: eq,
    why: 'q = ¼ exactly: both equations are solved to the same root'
  },
  {
    file: `${S}studentTQuantile.ts`,
    lines: [53, 53],
    kind: eq,
    why: 'p = ½ has returned already'
  },
  {
    file: `${S}regularizedBeta.ts`,
    lines: [17, 17],
    kind: eq,
    why: 'isNaN guard: NaN flows through to NaN'
  },
  {
    file: `${S}regularizedBeta.ts`,
    lines: [18, 19],
    kind: eq,
    why: 'at exactly x = 0 (or 1 − x = 0) the fraction and log-front give 0 (1) themselves'
  },
  {
    file: `${S}regularizedBeta.ts`,
    lines: [21, 26],
    kind: eq,
    why: 'regime boundaries at exactly a = b, x = ½, x = (a + 1)/(a + b + 2): both sides are accurate there, the value agrees to rounding'
  },
  {
    file: `${S}regularizedBeta.ts`,
    lines: [36, 52],
    match: /TINY|false/,
    kind: eq,
    why: 'modified-Lentz guards |d|, |c| < TINY never fire where the fraction is used (d starts ≥ 2/(a + b + 2))'
  },
  {
    file: `${S}regularizedBeta.ts`,
    lines: [39, 39],
    kind: eq,
    why: 'iteration cap never reached'
  },
  {
    file: `${S}regularizedBeta.ts`,
    lines: [56, 56],
    kind: eq,
    why: 'stopping test < EPS → ≤ EPS: one more factor of 1 to rounding'
  },
  {
    file: `${S}regularizedGammaQ.ts`,
    lines: [11, 11],
    kind: eq,
    why: 'iteration cap never reached'
  },
  {
    file: `${S}regularizedGammaQ.ts`,
    lines: [14, 14],
    kind: eq,
    why: 'the series’ break: without it (or one term later) only terms below rounding are added'
  },
  {
    file: `${S}regularizedGammaQ.ts`,
    lines: [25, 25],
    kind: eq,
    why: 'iteration cap never reached'
  },
  {
    file: `${S}regularizedGammaQ.ts`,
    lines: [29, 31],
    kind: eq,
    why: 'modified-Lentz guards |d|, |c| < TINY never fire where the fraction is used'
  },
  {
    file: `${S}regularizedGammaQ.ts`,
    lines: [35, 35],
    kind: eq,
    why: 'stopping test < EPS → ≤ EPS: one more factor of 1 to rounding'
  },
  {
    file: `${S}regularizedGammaQ.ts`,
    lines: [47, 47],
    kind: eq,
    why: 'isNaN guard: NaN flows through to NaN'
  },
  {
    file: `${S}regularizedGammaQ.ts`,
    lines: [48, 48],
    kind: eq,
    why: 'at exactly x = 0 the series gives P = 0, so Q = 1 anyway'
  },
  {
    file: `${S}regularizedGammaQ.ts`,
    lines: [49, 49],
    kind: eq,
    why: 'regime boundary at exactly x = a + 1: both sides accurate there'
  },
  {
    file: `${S}regularizedGammaQ.ts`,
    lines: [55, 55],
    kind: eq,
    why: 'isNaN guard: NaN flows through to NaN'
  },
  {
    file: `${S}regularizedGammaQ.ts`,
    lines: [56, 56],
    kind: eq,
    why: 'at exactly x = 0 the series gives 0 itself'
  },
  {
    file: `${S}regularizedGammaQ.ts`,
    lines: [57, 57],
    kind: eq,
    why: 'x < a + 1 → true / ≤: the lower series converges for every x with positive terms only, so it agrees with 1 − Q to rounding'
  },
  {
    file: `${S}findBreakEven.ts`,
    lines: [102, 103],
    kind: eq,
    why: 'logRatio at t1 = 0 (tn = 0) exactly: log(tn/0) = +∞ (log(0/t1) = −∞), the value the guard returns'
  },
  {
    file: `${S}findBreakEven.ts`,
    lines: [112, 112],
    kind: eq,
    why: 'the extra passes read r[i + 1] past the end (undefined < 0 is false): never a crossing, and the loop still ends'
  },
  {
    file: `${S}medianInterval.ts`,
    lines: [49, 49],
    kind: eq,
    why: 'the extra resample writes one past the end of a Float64Array (dropped); its random numbers are never used'
  },
  {
    file: `${S}mannKendall.ts`,
    lines: [30, 30],
    kind: since,
    why: 'trendAndOutliers.test.ts ‘refuses fewer than three values’ (by message)'
  },
  {
    file: `${S}mannKendall.ts`,
    lines: [33, 33],
    kind: eq,
    why: 'extra passes of the pair loop start j at n: the inner loop adds nothing'
  },
  {
    file: `${S}mannKendall.ts`,
    lines: [75, 75],
    kind: eq,
    why: 'the extra write lands one past the end of a Float64Array and is dropped'
  },
  {
    file: `${S}mannKendall.ts`,
    lines: [86, 86],
    kind: eq,
    why: 'at S = 0, P(inversions ≤ pairs/2) ≥ ½, so min(1, 2·tail) is 1 anyway'
  },
  {
    file: `${S}findOutliers.ts`,
    lines: [32, 32],
    kind: eq,
    why: 'median 0: the relative distance is ∞ for x ≠ 0 (as the original says), NaN for x = 0, whose score is 0 and never flagged'
  },
  {
    file: `${S}compareScalingModels.ts`,
    lines: [40, 40],
    kind: eq,
    why: 'Amdahl (one parameter) has an AICc from four points, the USL from five, so usl.aicc is never present where amdahl.aicc is missing; a null USL has no AICc'
  },
  {
    file: `${S}fitUsl.ts`,
    lines: [57, 57],
    kind: eq,
    why: 'LM landing exactly on σ = 0 or κ = 0: the edge fit on that bound finds the same point'
  },
  {
    file: `${S}fitUsl.ts`,
    lines: [74, 74],
    kind: eq,
    why: 'two candidates with exactly equal RSS are the same fit'
  },
  {
    file: `${S}fitUsl.ts`,
    lines: [83, 83],
    kind: eq,
    why: 'the normal matrix at an optimum with two distinct counts above one is never singular'
  },
  {
    file: `${S}fitUsl.ts`,
    lines: [138, 149],
    kind: eq,
    why: 'the linearized start only sets where Levenberg–Marquardt starts: from the mutated start LM and the edge fits reach the same optimum (pinned to scipy to 1e-9); its singular return is unreachable (columns N − 1 and N(N − 1) are independent)'
  },
  {
    file: `${S}fitUsl.ts`,
    lines: [154, 201],
    kind: eq,
    why: 'LM’s safeguards and stopping rule (feasibility check, iteration cap, λ bounds and steps, accept on ≤, the step-size test) change the path and the number of steps, not the optimum (gradient at the result pinned to 1e-9)'
  },
  {
    file: `${S}leastSquares.ts`,
    lines: [64, 67],
    kind: eq,
    why: 'the bisection’s guards: the loop ends when the midpoint equals an end (adjacent doubles); without the break further passes leave a and b as they are, the cap of 200 is never reached; slope(mid) = 0 exactly is the root itself'
  },
  {
    file: `${S}leastSquares.ts`,
    lines: [70, 70],
    kind: eq,
    why: 'a and b end as adjacent doubles around the root: either is the minimizer to the last bit the RSS can tell'
  },
  {
    file: `${S}leastSquares.ts`,
    lines: [139, 139],
    kind: eq,
    why: 'undefined > 0 is false: the next test refuses the point anyway (the first test is for TypeScript)'
  },
  {
    file: `${S}solveTail.ts`,
    lines: [15, 15],
    kind: eq,
    why: 'the bracketing cap: doubling reaches a bound within ~1,100 steps for any q ≥ 0 (the tail is 0 at ∞)'
  },
  {
    file: `${S}solveTail.ts`,
    lines: [23, 27],
    kind: eq,
    why: 'f = 0 has returned; a density is never negative and at d = 0 the step is ±∞, outside the bracket, so bisection takes over as for NaN; a step landing exactly on an end only makes it the next point'
  },
  {
    file: `${S}solveTail.ts`,
    lines: [28, 28],
    kind: eq,
    why: 'a tighter stopping test: Newton stops when its step rounds to exactly 0, one step later at the same root'
  },
  // ---- the report's number formatting ----
  {
    file: `${F}format.ts`,
    lines: [12, 12],
    match: /^ConditionalExpression true$/,
    kind: eq,
    why: 'Number.isFinite is false for anything that is not a number: the typeof test only narrows the type'
  },
  {
    file: `${F}format.ts`,
    lines: [20, 20],
    kind: eq,
    why: 'a cache of Intl formatters: building a new one each time writes the same string'
  },
  {
    file: `${F}format.ts`,
    lines: [111, 111],
    kind: eq,
    why: 'a cache of Intl formatters: building a new one each time writes the same string'
  },
  {
    file: `${F}format.ts`,
    lines: [175, 175],
    kind: eq,
    why: 'a cache of Intl formatters: building a new one each time writes the same string'
  },
  {
    file: `${F}format.ts`,
    lines: [40, 42],
    kind: eq,
    why: 'unreachable: BigInt never throws on a string that passed /^-?\\d+$/ (the catch is a guard)'
  },
  {
    file: `${F}format.ts`,
    lines: [198, 198],
    kind: eq,
    why: 'a cache of formatted dates: formatting again writes the same string'
  },
  {
    file: `${F}format.ts`,
    lines: [203, 203],
    kind: eq,
    why: 'the cache’s size bound: clearing it sooner, later or never changes no string'
  },
  {
    file: `${F}format.ts`,
    lines: [214, 214],
    match: /^StringLiteral/,
    kind: eq,
    why: 'dateFormat treats any kind but ‘dateTime’ and ‘date’ as the clock: the same formatter'
  },
  {
    file: `${F}format.ts`,
    lines: [239, 239],
    kind: eq,
    why: 'without it 0 (and −0) still gives "0": log10(0) = −∞ makes the decimals +∞ > 20, and String(0) is "0"'
  },
  {
    file: `${F}report/groupDigits.ts`,
    lines: [5, 5],
    kind: eq,
    why: 'a leading minus is not a word character, so \\B never puts a separator after it: grouping the signed string gives the same'
  },
  {
    file: `${F}report/figure.ts`,
    lines: [3, 3],
    match: /^ConditionalExpression true$/,
    kind: eq,
    why: 'Number.isFinite is false for null and undefined: the typeof test only narrows the type'
  },
  // ---- analysis ----
  {
    file: `${A}analyzeRun.ts`,
    lines: [102, 102],
    kind: eq,
    why: 'speedupWithError returns NaN unless both times are positive, so a finite speedup is positive'
  },
  {
    file: `${A}analyzeRun.ts`,
    lines: [107, 107],
    kind: eq,
    why: '‘slower’ means the interval S·e^(±e/S) lies below 1, so S < 1 already holds'
  },
  {
    file: `${A}analyzeRun.ts`,
    lines: [124, 124],
    kind: eq,
    why: 'the anchor point (1, 1): the fits drop every point with workers > 1 false, and undefined > 1 is false, so neither fit sees it or its replacement'
  },
  {
    file: `${A}analyzeRun.ts`,
    lines: [129, 131],
    kind: eq,
    why: 'with two or more significant counts compareScalingModels always returns an Amdahl fit with a numeric R², and ‘usl’ is best only when it has one'
  },
  {
    file: `${A}analyzeRun.ts`,
    lines: [145, 145],
    kind: eq,
    why: 'only weak runs get there, and every weak row has a scaled speedup'
  },
  {
    file: `${A}analyzeRun.ts`,
    lines: [179, 179],
    kind: eq,
    why: 'a one-worker count without repetitions makes describeTimings throw further on, so the guard never decides a result'
  },
  {
    file: `${A}analyzeRun.ts`,
    lines: [250, 252],
    kind: eq,
    why: 'the baseline’s verdict is ‘baseline’, never ‘faster’; ‘faster’ means the interval’s lower end is above 1, so S > 1'
  },
  {
    file: `${A}analyzeRun.ts`,
    lines: [275, 275],
    kind: eq,
    why: '`described` is not read after the warnings are built: sorting it in place changes nothing'
  },
  {
    file: `${A}analyzeRun.ts`,
    lines: [313, 313],
    kind: eq,
    why: 'a history entry that is a string has no contention ‘quiet’, so referenceRun skips it'
  },
  {
    file: `${A}baseline.ts`,
    lines: [19, 19],
    kind: eq,
    why: 'the half-width is null only when both intervals are missing, and Number.isFinite(null) is false: both forms return null; a finite one passes both'
  },
  {
    file: `${A}contention.ts`,
    lines: [69, 69],
    kind: eq,
    why: 'a run’s rows have distinct worker counts: never equal'
  },
  {
    file: `${A}contention.ts`,
    lines: [76, 76],
    kind: eq,
    why: 'a pace is > 0 (ns per element, or the median of a command’s copies’ ms, each > 0), so alone.value is > 0 whenever alone is not null; alone null → null > 0 is false'
  },
  {
    file: `${A}contention.ts`,
    lines: [92, 92],
    kind: eq,
    why: 'null ≥ 0.1 is false: a missing steal reading never signals'
  },
  {
    file: `${A}contention.ts`,
    lines: [111, 111],
    match: /alone\.value >= 0|true/,
    col: 49,
    kind: eq,
    why: 'a pace is > 0 (ns per element, or the median of a command’s copies’ ms, each > 0), so alone.value > 0 whenever alone is not null'
  },
  {
    file: `${A}karpFlattSeries.ts`,
    lines: [58, 58],
    kind: eq,
    why: 'undefined ≥ 0 is false: the second test refuses a missing error anyway'
  },
  {
    file: `${A}karpFlattSeries.ts`,
    lines: [85, 85],
    kind: eq,
    why: 'null > 0 is false: the second test refuses a missing error anyway'
  },
  {
    file: `${A}karpFlattSeries.ts`,
    lines: [92, 92],
    kind: eq,
    why: 'Σw(x + x̄)(y − ȳ) = Σw(x − x̄)(y − ȳ) + 2x̄·Σw(y − ȳ) and Σw(y − ȳ) = 0 (same for y + ȳ): equal up to rounding'
  },
  {
    file: `${A}methodRules.ts`,
    lines: [60, 60],
    kind: eq,
    why: 'the half-width is null only when both intervals are missing, and Number.isFinite(null) is false: both forms return null; a finite one passes both'
  },
  {
    file: `${A}methodRules.ts`,
    lines: [85, 88],
    kind: eq,
    why: 'with both estimates present the medians are positive times, so the ratio is positive and finite and its error finite'
  },
  {
    file: `${A}methodRules.ts`,
    lines: [102, 102],
    kind: eq,
    why: 'ratioLow and ratioHigh are set together: both null or neither'
  },
  {
    file: `${A}scalingWarnings.ts`,
    lines: [128, 128],
    kind: eq,
    why: 'a null spawn time: null > jobMs is false for any job time ≥ 0'
  },
  {
    file: `${A}scalingWarnings.ts`,
    lines: [174, 174],
    kind: eq,
    why: 'a Sen’s slope of exactly 0 gives a relative change of 0, below the minimum change every caller uses (5 %)'
  },
  {
    file: `${A}analyzeStudy.ts`,
    lines: [45, 45],
    kind: eq,
    why: 'the point exists only when TN was found, i.e. when the row at N exists'
  },
  {
    file: `${A}analyzeStudy.ts`,
    lines: [56, 56],
    col: 21,
    kind: eq,
    why: 'without size runs the loop below does nothing and returns the same empty lists'
  },
  {
    file: `${A}analyzeStudy.ts`,
    lines: [59, 59],
    kind: eq,
    why: 'the group key’s fallback for a run without a kernel: no kernel is named "" or "Stryker was here!" (KernelName), so the groups are the same'
  },
  {
    file: `${A}speedupVerdicts.ts`,
    lines: [27, 39],
    match: /false|undefined/,
    kind: eq,
    why: 'without the shortcut T1’s row is described again: the seeded bootstrap gives the same median and half-width, so the same row'
  },
  {
    file: `${A}compareRuns.ts`,
    lines: [178, 178],
    match: />=/,
    kind: eq,
    why: 'on a tie the lower middle is the same value either way'
  },
  {
    file: `${A}compareRuns.ts`,
    lines: [186, 186],
    kind: eq,
    why: 'at lo = hi the pass swaps a[lo] with itself and ends with hi < lo or returns: the element at k is already in place'
  },
  {
    file: `${A}compareRuns.ts`,
    lines: [202, 202],
    kind: eq,
    why: 'when j < k < i the k-th value is already in place; going on with lo = i only reorders values after it'
  },
  {
    file: `${A}compareRuns.ts`,
    lines: [229, 229],
    match: /&&|false/,
    kind: eq,
    why: 'low and high are both null or both numbers (one interval)'
  },
  {
    file: `${A}compareRuns.ts`,
    lines: [320, 320],
    kind: eq,
    why: 'the extra pass writes one past the end of a Float64Array (dropped) after every ratio has been drawn'
  },
  {
    file: `${A}compareRuns.ts`,
    lines: [353, 353],
    kind: eq,
    why: 'both speedups come from the same withSpeedup test: both null or both numbers'
  },
  {
    file: `${A}runVerdictCode.ts`,
    lines: [94, 94],
    kind: eq,
    why: 'the tie-break between equal speedups: a run’s rows have distinct worker counts'
  },
  {
    file: `${A}runVerdictCode.ts`,
    lines: [115, 117],
    kind: eq,
    why: 'a ‘faster’ row has an interval (the verdict comes from it), and a row within the cores whose interval lies wholly above the best’s would have the higher speedup itself'
  },
  {
    file: `${A}commandWarnings.ts`,
    lines: [45, 45],
    kind: eq,
    why: 'the repetition was kept because one of its copies has a failure, so find always finds it'
  },
  {
    file: `${A}findingFacts.ts`,
    lines: [22, 22],
    kind: eq,
    why: 'the filter reads .reason of each entry, undefined for a string: nothing is kept either way'
  },
  {
    file: `${A}findingFacts.ts`,
    lines: [65, 65],
    kind: eq,
    why: 'upper / null is upper / 0 = ∞ > √10 for any positive upper (sizes are positive)'
  },
  {
    file: `${A}kernelComparison.ts`,
    lines: [67, 67],
    kind: eq,
    why: '‘apart’ already means the two speedups differ'
  },
  {
    file: `${A}kernelComparison.ts`,
    lines: [97, 97],
    kind: eq,
    why: 'every size run measures one worker, so a largest warm run always has its one-worker row'
  },
  {
    file: `${A}kernelComparison.ts`,
    lines: [110, 120],
    kind: eq,
    why: 'fast and slow are set by the same test on the number of timed kernels: both or neither'
  },
  {
    file: `${A}readRunFile.ts`,
    lines: [76, 83],
    kind: eq,
    why: 'only changes which schema error a malformed envelope is refused with; it is still refused'
  },
  {
    file: `${A}workloadComparison.ts`,
    lines: [16, 16],
    kind: eq,
    why: 'every row has a speedup estimate'
  }
]
