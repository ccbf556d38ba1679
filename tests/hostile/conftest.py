"""Counts the hostile inputs sent, and prints the count at the end of the run."""

from collections import Counter

TRIED = Counter()  # endpoint -> number of generated requests sent (Hypothesis)
FIXED = Counter()  # endpoint -> number of requests with the classic bad values


def pytest_terminal_summary(terminalreporter):
    if TRIED or FIXED:
        detail = ", ".join(f"{name} {count}" for name, count in sorted(TRIED.items()))
        terminalreporter.write_line(
            f"hostile inputs tried: {sum(TRIED.values())} generated ({detail}) "
            f"and {sum(FIXED.values())} classic bad values (one parameter or path segment at a time)"
        )
