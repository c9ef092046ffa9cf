"""Prints held-out intent accuracy and macro-F1 per language; exits 1 under the threshold."""

import json
import os
import sys
from pathlib import Path

THRESHOLD = float(os.environ.get("NLU_MIN_MACRO_F1", "0.95"))


def main(result_dirs: list[str]) -> int:
    failed = False
    for result_dir in result_dirs:
        report = json.loads((Path(result_dir) / "intent_report.json").read_text())
        macro_f1 = report["macro avg"]["f1-score"]
        accuracy = report["accuracy"]
        support = report["macro avg"]["support"]
        worst = sorted(
            (name for name in report if name not in {"accuracy", "macro avg", "weighted avg", "micro avg"}),
            key=lambda name: report[name]["f1-score"],
        )[:3]
        verdict = "ok" if macro_f1 >= THRESHOLD else f"FAIL (< {THRESHOLD})"
        print(
            f"{Path(result_dir).name}: {support} utterances, intent accuracy {accuracy:.3f}, "
            f"macro-F1 {macro_f1:.3f} {verdict}; weakest: "
            + ", ".join(f"{name} {report[name]['f1-score']:.2f}" for name in worst)
        )
        failed |= macro_f1 < THRESHOLD
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
