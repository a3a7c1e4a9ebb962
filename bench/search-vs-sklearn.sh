#!/usr/bin/env bash
# The course's randomized search (5 candidates x 10 stratified folds = 50 RBF-SVC fits on the digits) in Java and
# in scikit-learn on THE SAME candidates (drawn in Java, handed over as JSON) and the same folds (StratifiedKFold(10)
# without shuffle, which our splitter reproduces). Prints the times and mean CV scores side by side; fails if a mean
# differs by more than 0.005 from scikit-learn's, or at all from the baseline's. With workers=1 both sides fit
# sequentially (one core); with more, Java runs on a threads pool and scikit-learn on each joblib backend (loky,
# threading, multiprocessing) with n_jobs=workers, and each is compared.
#
# The baseline: the same benchmark class run on the library of an earlier commit (default a1d9507, the code before
# the search got faster), unpacked with git archive into a temporary folder and built offline there, so that one
# run prints the previous figures beside the new ones. The Java runs also print their CPU seconds (all threads of
# the JVM during the search): on a busy machine they say more than the wall time about whether the code got faster.
#
# Usage: bench/search-vs-sklearn.sh [--baseline REF|none] [--n-iter N] [seed] [workers]
#   --baseline REF  the commit to compare with (default a1d9507); "none" skips it
#   --n-iter N      candidates to draw (default 5, the course's search); each is fitted on 10 folds
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
    echo "usage: bench/search-vs-sklearn.sh [--baseline REF|none] [--n-iter N] [seed] [workers]" >&2
    echo "  $1" >&2
    exit 2
}

baseline=a1d9507
n_iter=5
positional=()
while (($#)); do
    case "$1" in
        --baseline) (($# >= 2)) || usage "--baseline needs a commit (or none)"; baseline="$2"; shift 2 ;;
        --n-iter) (($# >= 2)) || usage "--n-iter needs a number of candidates"; n_iter="$2"; shift 2 ;;
        -h|--help) usage "seed defaults to 0, workers to 1" ;;
        -*) usage "unknown option $1" ;;
        *) positional+=("$1"); shift ;;
    esac
done
((${#positional[@]} <= 2)) || usage "too many arguments: ${positional[*]}"
seed="${positional[0]:-0}"
workers="${positional[1]:-1}"
[[ "$seed" =~ ^[0-9]+$ ]] || usage "seed must be a whole number, not '$seed'"
[[ "$workers" =~ ^[1-9][0-9]*$ ]] || usage "workers must be a positive whole number, not '$workers'"
[[ "$n_iter" =~ ^[1-9][0-9]*$ ]] || usage "--n-iter must be a positive whole number, not '$n_iter'"
if [[ "$baseline" != none ]] && ! git rev-parse --verify --quiet "$baseline^{commit}" >/dev/null; then
    usage "--baseline '$baseline' is not a commit of this repository (try a hash from git log, or none)"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# builds the kernel module and the modules it depends on in folder $1; its test classpath holds the search and
# the benchmark. Prints the classpath.
build() {
    (cd "$1" && ./mvnw -q -B -o -pl kernel -am test-compile dependency:build-classpath \
        -Dmdep.outputFile="$work/cp-$2.txt" -Dmdep.includeScope=test >&2)
    echo "$1/kernel/target/classes:$1/kernel/target/test-classes:$(cat "$work/cp-$2.txt")"
}

benchmark=kernel/src/test/java/org/javaparallel/ml/bench/SearchBenchmark.java
current="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo "+changes")"
echo "building this tree ($current)" >&2
current_cp="$(build "$PWD" current)"
if [[ "$baseline" != none ]]; then
    echo "building the baseline $baseline in $work/baseline (offline)" >&2
    mkdir "$work/baseline"
    git archive "$baseline" | tar -x -C "$work/baseline"
    # the same benchmark class on the old library: it uses only API that commit had
    cp "$benchmark" "$work/baseline/$benchmark"
    baseline_cp="$(build "$work/baseline" baseline)"
    echo "== java, baseline $baseline"
    java -cp "$baseline_cp" org.javaparallel.ml.bench.SearchBenchmark "$work/baseline.json" "$seed" "$workers" "$n_iter"
fi
echo "== java, this tree ($current)"
java -cp "$current_cp" org.javaparallel.ml.bench.SearchBenchmark "$work/java.json" "$seed" "$workers" "$n_iter"

/usr/bin/python3 - "$work/java.json" "$workers" "$baseline" "$current" "$seed" "$n_iter" <<'PY'
import json, os, sys, time
from joblib import parallel_backend
from sklearn.datasets import load_digits
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from sklearn.svm import SVC

java_path, workers, baseline_ref, current, seed, n_iter = sys.argv[1:]
java = json.load(open(java_path))
baseline_path = os.path.join(os.path.dirname(java_path), "baseline.json")
baseline = json.load(open(baseline_path)) if baseline_ref != "none" else None
grid = [{"C": [c["C"]], "gamma": [c["gamma"]], "tol": [c["tol"]], "class_weight": [c["class_weight"]]}
        for c in java["candidates"]]
X, y = load_digits(return_X_y=True)
workers = int(workers)
backends = ["sequential"] if workers == 1 else ["loky", "threading", "multiprocessing"]
print("== scikit-learn")
times = {}
for backend in backends:
    search = GridSearchCV(SVC(), grid, cv=StratifiedKFold(10), n_jobs=workers, verbose=1)
    start = time.perf_counter()
    with parallel_backend(backend, n_jobs=workers):
        search.fit(X, y)
    times[backend] = time.perf_counter() - start
    print(f"sklearn: search with refit took {times[backend]:.2f} s (joblib backend {backend}, n_jobs={workers})")
sklearn_means = search.cv_results_["mean_test_score"]

worst = 0.0
changed = 0
print()
print(f"{'C':>12} {'gamma':>12} {'tol':>10} {'class_weight':>12} {'baseline':>9} {'java':>8} {'sklearn':>8}")
for k, (c, mean) in enumerate(zip(java["candidates"], sklearn_means)):
    worst = max(worst, abs(c["mean"] - mean))
    old = baseline["candidates"][k]["mean"] if baseline else float("nan")
    if baseline and (baseline["candidates"][k]["mean"] != c["mean"] or baseline["candidates"][k]["C"] != c["C"]):
        changed += 1
    print(f"{c['C']:12.4g} {c['gamma']:12.4g} {c['tol']:10.4g} {str(c['class_weight']):>12} "
          f"{old:9.4f} {c['mean']:8.4f} {mean:8.4f}")

best = min(times, key=times.get)
print()
print(f"seed {seed}, {n_iter} candidates x 10 folds, workers {workers}: seconds, and Java's time / each sklearn backend's")
runs = ([(f"java baseline {baseline_ref}", baseline)] if baseline else []) + [(f"java {current}", java)]
print(f"{'':28} {'seconds':>8} {'cpu s':>7}" + "".join(f" {'/' + b:>16}" for b in backends))
for name, run in runs:
    print(f"{name:28} {run['seconds']:8.2f} {run['cpu_seconds']:7.2f}"
          + "".join(f" {run['seconds'] / times[b]:15.2f}x" for b in backends))
for b in backends:
    print(f"{'sklearn ' + b:28} {times[b]:8.2f}")
summary = f"java {java['seconds']:.2f} s = {java['seconds'] / times[best]:.2f}x sklearn's best ({best}, {times[best]:.2f} s)"
if baseline:
    summary += (f"; baseline {baseline['seconds']:.2f} s = {baseline['seconds'] / times[best]:.2f}x; "
                f"{baseline['seconds'] / java['seconds']:.2f}x faster than the baseline "
                f"({baseline['cpu_seconds'] / java['cpu_seconds']:.2f}x less CPU)")
print(summary)
print(f"largest mean-score difference to sklearn {worst:.4f}"
      + (f"; candidates whose mean differs from the baseline's: {changed}" if baseline else ""))
sys.exit(0 if worst <= 0.005 and changed == 0 else 1)
PY
