#!/usr/bin/env bash
# The course's randomized search (5 candidates x 10 stratified folds = 50 RBF-SVC fits on the digits) in Java and
# in scikit-learn on THE SAME candidates (drawn in Java, handed over as JSON) and the same folds (StratifiedKFold(10)
# without shuffle, which our splitter reproduces). Prints both times and mean CV scores; fails if a mean differs
# by more than 0.005. With workers=1 both sides fit sequentially (one core); with more, Java runs on a threads pool
# and scikit-learn on each joblib backend (loky, threading, multiprocessing) with n_jobs=workers, and the best of
# those is compared. Usage: bench/search-vs-sklearn.sh [seed] [workers]
set -euo pipefail
cd "$(dirname "$0")/.."
seed="${1:-0}"
workers="${2:-1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# the kernel module and the modules it depends on; its test classpath holds the search and the benchmark
mvn -q -B -o -pl kernel -am test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" \
    -Dmdep.includeScope=test
java -cp "kernel/target/classes:kernel/target/test-classes:$(cat "$work/cp.txt")" \
    org.javaparallel.ml.bench.SearchBenchmark "$work/java.json" "$seed" "$workers"

/usr/bin/python3 - "$work/java.json" "$workers" <<'PY'
import json, sys, time
from joblib import parallel_backend
from sklearn.datasets import load_digits
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from sklearn.svm import SVC

java = json.load(open(sys.argv[1]))
grid = [{"C": [c["C"]], "gamma": [c["gamma"]], "tol": [c["tol"]], "class_weight": [c["class_weight"]]}
        for c in java["candidates"]]
X, y = load_digits(return_X_y=True)
workers = int(sys.argv[2])
backends = ["sequential"] if workers == 1 else ["loky", "threading", "multiprocessing"]
times = {}
for backend in backends:
    search = GridSearchCV(SVC(), grid, cv=StratifiedKFold(10), n_jobs=workers, verbose=1)
    start = time.perf_counter()
    with parallel_backend(backend, n_jobs=workers):
        search.fit(X, y)
    times[backend] = time.perf_counter() - start
    print(f"sklearn: search with refit took {times[backend]:.2f} s (joblib backend {backend}, n_jobs={workers})")
best = min(times, key=times.get)
seconds = times[best]
worst = 0.0
print(f"{'C':>12} {'gamma':>12} {'tol':>10} {'class_weight':>12} {'java':>8} {'sklearn':>8}")
for c, mean in zip(java["candidates"], search.cv_results_["mean_test_score"]):
    worst = max(worst, abs(c["mean"] - mean))
    print(f"{c['C']:12.4g} {c['gamma']:12.4g} {c['tol']:10.4g} {str(c['class_weight']):>12} "
          f"{c['mean']:8.4f} {mean:8.4f}")
print(f"java {java['seconds']:.2f} s, sklearn {seconds:.2f} s (best backend: {best}); "
      f"largest mean-score difference {worst:.4f}")
sys.exit(0 if worst <= 0.005 else 1)
PY
