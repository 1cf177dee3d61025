// Gradescope's autograder: setup.sh installs Node.js and the kit's packages on Gradescope's image; run_autograder
// grades only the learner-owned files found in the submission and writes results/results.json. The root
// (/autograder) can be moved with AUTOGRADER_ROOT, so that the same script runs in a local test.

export const SETUP_SH = `#!/usr/bin/env bash
# Runs once when Gradescope builds the autograder image (Ubuntu): Node.js 24 (the active LTS) and the kit's packages.
set -euo pipefail
apt-get update
apt-get install -y ca-certificates curl gnupg
curl -fsSL https://deb.nodesource.com/setup_24.x | bash -
apt-get install -y nodejs
cd /autograder/source/kit
npm ci
`;

export const RUN_AUTOGRADER = `#!/usr/bin/env bash
# Runs for every submission: grades the learner-owned files of /autograder/submission with the kit (hidden tests
# included) and writes /autograder/results/results.json, even when grading itself cannot run.
set -uo pipefail
ROOT="\${AUTOGRADER_ROOT:-/autograder}"
KIT="$ROOT/source/kit"
mkdir -p "$ROOT/results"
cd "$KIT"
node scripts/launch.mjs grader/cli/grade.ts --target "$ROOT/submission" --format gradescope --out "$ROOT/results/results.json" 2> "$ROOT/results/grader-errors.txt"
status=$?
if [ "$status" -eq 2 ] || [ ! -s "$ROOT/results/results.json" ]; then
  # Node.js writes the JSON, so that whatever the errors say (control characters, a cut character) it stays JSON;
  # should Node.js itself fail, a fixed message does.
  node -e 'const fs = require("fs"); const said = [...fs.readFileSync(process.argv[1], "utf8")].slice(0, 2000).join("");
fs.writeFileSync(process.argv[2], JSON.stringify({ score: 0, output: "The autograder could not grade this submission: " + said, tests: [] }) + "\\n");' "$ROOT/results/grader-errors.txt" "$ROOT/results/results.json" ||
    printf '{"score": 0, "output": "The autograder could not grade this submission.", "tests": []}\\n' > "$ROOT/results/results.json"
fi
exit 0
`;
