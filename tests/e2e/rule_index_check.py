"""Run in the Rasa server's venv: the indexed rule lookup (bot/rasa_plugins/rule_index.py) finds
the same rule keys as RulePolicy's own scan, on the trained model's rules.

The conversations tried are every rule's own states, cut after each turn, and the same with the
latest intent or previous action swapped for others the rules know (five of each, in turn): the
states a real conversation reaches, and the near misses. Prints one JSON line: the counts compared and differing.
usage: rule_index_check.py MODEL
"""

import copy
import json
import sys
import tarfile

from rasa.core.policies.rule_policy import RulePolicy

from bot.rasa_plugins import rule_index


def lookups(model: str) -> dict[str, dict[str, str]]:
    with tarfile.open(model) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("/rule_policy.json"))
        stored = json.load(archive.extractfile(member))
    return {name: stored["lookup"][name] for name in ("rules", "rules_for_loop_unhappy_path")}


def conversations(keys: list[str]) -> list[list[dict]]:
    rules = [json.loads(key) for key in keys]
    intents = sorted({s.get("user", {}).get("intent") for r in rules for s in r} - {None})
    actions = sorted({s.get("prev_action", {}).get("action_name") for r in rules for s in r} - {None})
    found = []
    turn = 0
    for states in rules:
        for end in range(1, len(states) + 1):
            cut = states[:end]
            found.append(cut)
            for field, key, values in (("user", "intent", intents), ("prev_action", "action_name", actions)):
                if key not in cut[-1].get(field, {}):
                    continue
                turn += 1
                for value in (values[(turn * 7 + step * 13) % len(values)] for step in range(5)):
                    swapped = copy.deepcopy(cut)
                    swapped[-1][field][key] = value
                    found.append(swapped)
    return found


def main() -> None:
    policy = RulePolicy.__new__(RulePolicy)  # the lookup methods need no trained graph
    compared = differing = 0
    for table in lookups(sys.argv[1]).values():
        for states in conversations(list(table)):
            scanned = rule_index._original(policy, table, states)
            indexed = rule_index._get_possible_keys(policy, table, states)
            compared += 1
            differing += scanned != indexed
    print(json.dumps({"compared": compared, "differing": differing}))


main()
