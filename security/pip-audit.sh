#!/usr/bin/env bash
# Audits the packages installed in each venv given as argument with pip-audit, skipping the
# vulnerabilities in security/pip-audit-allowlist.txt. A WARNING only: prints what it finds and
# exits 0; without network it says "audit skipped: no network" and exits 0 (never hangs: timeouts).
#   security/pip-audit.sh AUDIT_VENV VENV...
set -uo pipefail
cd "$(dirname "$0")/.."
audit_venv="$1"; shift
allowlist=security/pip-audit-allowlist.txt
ignores=()
while IFS= read -r line; do
  entry="${line%%#*}"; entry="${entry//[[:space:]]/}"
  [[ -z "$entry" ]] && continue
  reason="${line#*#}"
  if [[ "$line" != *"#"* || -z "${reason//[[:space:]]/}" ]]; then
    echo "WARNING: $allowlist: '$entry' has no reason; it is not ignored" >&2; continue
  fi
  ignores+=(--ignore-vuln "$entry")
done <"$allowlist"

# The probe asks what pip-audit asks (a release's JSON with its "vulnerabilities"): a mirror that
# answers /simple but not this counts as no network.
probe='import json, pip, urllib.request
url = f"https://pypi.org/pypi/pip/{pip.__version__}/json"
assert "vulnerabilities" in json.load(urllib.request.urlopen(url, timeout=8))'
if ! timeout 15 "$audit_venv/bin/python" -c "$probe" 2>/dev/null; then
  echo "audit skipped: no network"; exit 0
fi
status=0
for venv in "$@"; do
  frozen="$(mktemp)"
  "$venv/bin/python" -m pip freeze --exclude-editable 2>/dev/null | grep -v '^-e ' >"$frozen"
  echo "== pip-audit: $venv ($(wc -l <"$frozen") packages)"
  timeout 300 "$audit_venv/bin/pip-audit" --requirement "$frozen" --no-deps --disable-pip \
    --progress-spinner off --timeout 20 "${ignores[@]}"
  code=$?
  rm -f "$frozen"
  case $code in
    0) ;;
    124) echo "audit skipped for $venv: the vulnerability service did not answer in time" ;;
    *) status=1 ;;
  esac
done
if [[ $status != 0 ]]; then
  echo "WARNING: pip-audit found vulnerabilities (or could not finish); see above. Accept one only in $allowlist, with a reason."
fi
exit 0
