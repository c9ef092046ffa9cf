"""Rasa runs its model as a graph of components through dask's synchronous scheduler: for every
message (the NLU graph) and every prediction (the policy graph, 2–4 a message). dask orders and
dispatches the tasks on each run, ~12 % of the Rasa server's time per message here
(docs/performance.md). This runs the same nodes, each once, after the nodes it needs, in one
thread, as dask's synchronous scheduler does; the order of the run is worked out once per set
of targets.

Applied when Rasa loads a module of bot.rasa_plugins (DaskGraphRunner keeps its name).
"""

from __future__ import annotations

from typing import Any

from rasa.engine.exceptions import GraphRunError
from rasa.engine.graph import GraphSchema
from rasa.engine.runner.dask import DaskGraphRunner

_ORDERS = "_permit_run_orders"


def run_order(schema: GraphSchema, targets: list[str]) -> list[tuple[str, list[str]]]:
    """The nodes the targets need, each after the nodes it needs, with their inputs' names."""
    ordered: list[tuple[str, list[str]]] = []
    placed: set[str] = set()

    def place(name: str, path: tuple[str, ...]) -> None:
        if name in placed or name not in schema.nodes:  # an input of the run, or placed already
            return
        if name in path:
            raise GraphRunError(f"The graph has a cycle through '{name}'.")
        needs = list(schema.nodes[name].needs.values())
        for need in needs:
            place(need, (*path, name))
        placed.add(name)
        ordered.append((name, needs))

    for target in targets:
        place(target, ())
    return ordered


def run(
    self: DaskGraphRunner, inputs: dict[str, Any] | None = None, targets: list[str] | None = None
) -> dict[str, Any]:
    """DaskGraphRunner.run without dask: the same nodes, in an order that respects their needs."""
    run_targets = list(targets) if targets else list(self._graph_schema.target_names)
    orders: dict[tuple[str, ...], list[tuple[str, list[str]]]] = self.__dict__.setdefault(_ORDERS, {})
    order = orders.get(tuple(run_targets))
    if order is None:
        order = orders[tuple(run_targets)] = run_order(self._graph_schema, run_targets)
    results: dict[str, Any] = {}
    for input_name, input_value in (inputs or {}).items():
        if isinstance(input_value, str) and input_value in self._graph_schema.nodes:
            raise GraphRunError(
                f"Input value '{input_value}' clashes with a node name. Make sure that none of the "
                f"input names passed to the `run` method are the same as node names in the graph schema."
            )
        results[input_name] = (input_name, input_value)
    try:
        for name, needs in order:
            # as dask does: a need nobody provided is passed as its name (the node reports it)
            results[name] = self._instantiated_nodes[name](*(results.get(need, need) for need in needs))
    except RuntimeError as error:
        raise GraphRunError("Error running runner.") from error
    return dict(results[target] for target in run_targets)


def apply() -> None:
    """Make DaskGraphRunner run its graphs without dask's scheduler (idempotent)."""
    DaskGraphRunner.run = run  # type: ignore[method-assign]
