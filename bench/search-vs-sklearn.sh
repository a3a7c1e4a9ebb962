#!/usr/bin/env bash
# The course's randomized search (5 candidates x 10 stratified folds = 50 RBF-SVC fits on the digits) in Java and
# in scikit-learn on THE SAME candidates (drawn in Java, handed over as JSON) and the same folds (StratifiedKFold(10)
# without shuffle, which our splitter reproduces). Prints both times and mean CV scores; fails if a mean differs
# by more than 0.005. Both sides fit sequentially (one core). Usage: bench/search-vs-sklearn.sh [seed]
set -euo pipefail
cd "$(dirname "$0")/../kernel"
seed="${1:-0}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test
java -cp "target/classes:target/test-classes:$(cat "$work/cp.txt")" \
    org.javaparallel.ml.bench.SearchBenchmark "$work/java.json" "$seed"

/usr/bin/python3 - "$work/java.json" <<'PY'
import json, sys, time
from sklearn.datasets import load_digits
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from sklearn.svm import SVC

java = json.load(open(sys.argv[1]))
grid = [{"C": [c["C"]], "gamma": [c["gamma"]], "tol": [c["tol"]], "class_weight": [c["class_weight"]]}
        for c in java["candidates"]]
X, y = load_digits(return_X_y=True)
search = GridSearchCV(SVC(), grid, cv=StratifiedKFold(10), n_jobs=1, verbose=1)
start = time.perf_counter()
search.fit(X, y)
seconds = time.perf_counter() - start
print(f"sklearn: search with refit took {seconds:.2f} s (n_jobs=1, one core)")
worst = 0.0
print(f"{'C':>12} {'gamma':>12} {'tol':>10} {'class_weight':>12} {'java':>8} {'sklearn':>8}")
for c, mean in zip(java["candidates"], search.cv_results_["mean_test_score"]):
    worst = max(worst, abs(c["mean"] - mean))
    print(f"{c['C']:12.4g} {c['gamma']:12.4g} {c['tol']:10.4g} {str(c['class_weight']):>12} "
          f"{c['mean']:8.4f} {mean:8.4f}")
print(f"java {java['seconds']:.2f} s, sklearn {seconds:.2f} s; largest mean-score difference {worst:.4f}")
sys.exit(0 if worst <= 0.005 else 1)
PY
