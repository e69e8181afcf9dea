from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from events.feeds import PollResult, feeds_to_poll, poll
from events.terminal import printable


class Command(BaseCommand):
    requires_system_checks: list[str] = []
    help = (
        "Poll the feeds that are due (or the ones named, due or not), store their new and "
        "changed articles, and exit: run it from cron or a systemd timer."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("names", nargs="*", metavar="NAME", help="feeds to poll now, by name")

    def handle(self, *args: object, **options: object) -> None:
        names: list[str] = options["names"]  # type: ignore[assignment]
        feeds, unknown = feeds_to_poll(names, timezone.now())
        for name in unknown:
            self.stderr.write(printable(f"{name}: no feed of that name"))
        if not feeds and not unknown:
            self.stdout.write("No feed is due.")
        failed = done = 0
        try:
            for result in poll(feeds):
                for error in result.report.errors:
                    self.stderr.write(printable(error))
                self.stdout.write(summary(result))
                failed += result.status == "failed"
                done += 1
        except KeyboardInterrupt:
            # The feed being polled keeps its last state; its batch being written rolled back.
            self.stderr.write(
                f"Interrupted: {done} of {len(feeds)} feeds polled; the next poll goes on."
            )
            raise SystemExit(130) from None
        if failed or unknown:
            raise CommandError(
                f"{failed + len(unknown)} of {len(feeds) + len(unknown)} feeds could not be "
                "polled (see above)",
                returncode=1,
            )


def summary(result: PollResult) -> str:
    """'World news: 3 new, 1 updated, 5 unchanged, 1 error in 2.1 s'."""
    totals = result.report.totals
    errors = len(result.report.errors)
    name = printable(result.feed.name)
    if result.status == "unchanged":
        told = "unchanged since the last poll (304)"
    elif result.status == "failed":
        told = "failed"
    else:
        told = f"{totals.created} new, {totals.updated} updated, {totals.unchanged} unchanged"
        if errors:
            told += f", {errors} error{'s' if errors > 1 else ''}"
    return f"{name}: {told} in {result.seconds:.1f} s"
